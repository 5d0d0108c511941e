import { Tensor } from '@seg/tensor';
import type { Value } from '../builder/value';
import { instanceNorm } from '../ops/normalization';
import { batchNormalization, batchNormParams, BatchNormOptions } from '../train/batch-norm';

export type Norm = 'batch' | 'instance' | 'none';
export const NORMS: readonly Norm[] = ['batch', 'instance', 'none'];

const channelsOf = (x: Value, what: string): number => {
  const c = x.dims[1];
  if (x.rank < 3 || typeof c !== 'number') throw new Error(`${what}: input must be [N, C, ...] with a static C, got [${x.dims.join(', ')}]`);
  return c;
};

/**
 * Batch normalisation layer (Ioffe & Szegedy 2015) with PyTorch's parameter names under `name`:
 * weight, bias, running_mean, running_var (the last two non-trainable model state). Uses the
 * running statistics unless the builder is in training mode (train/model-state setTrainingMode)
 * or `training` is set, in which case the updated running statistics become state updates.
 */
export function batchNorm2d(x: Value, name: string, o: BatchNormOptions = {}): Value {
  const b = x.builder;
  const c = channelsOf(x, `batchNorm2d '${name}'`);
  return b.scope(name, () => batchNormalization(x, batchNormParams(b, c, x.dtype === 'float64' ? 'float64' : 'float32'), o));
}

/** Instance normalisation layer (Ulyanov et al. 2016) with affine `weight` (ones) and `bias` (zeros). */
export function instanceNorm2d(x: Value, name: string, epsilon = 1e-5): Value {
  const b = x.builder;
  const c = channelsOf(x, `instanceNorm2d '${name}'`);
  return b.scope(name, () => {
    const w = b.param('weight', Tensor.fromArray('float32', [c], new Array(c).fill(1)));
    const bias = b.param('bias', new Tensor('float32', [c]));
    return instanceNorm(x, w, bias, epsilon);
  });
}

/** Applies the named normalisation layer ('none' is the identity). */
export function norm2d(x: Value, kind: Norm, name: string, o: BatchNormOptions = {}): Value {
  switch (kind) {
    case 'batch': return batchNorm2d(x, name, o);
    case 'instance': return instanceNorm2d(x, name, o.epsilon);
    case 'none': return x;
    default: throw new Error(`unknown norm '${String(kind)}'; expected one of ${NORMS.join(', ')}`);
  }
}
