import { Tensor } from '@seg/tensor';
import type { OpSchema } from '../builder/op-schema';
import type { Value } from '../builder/value';
import { fmtDims, need, requireFloat } from './infer';

/** ONNX Dropout (opset 13+: ratio and training_mode as inputs); outputs the data and a bool mask. */
export const dropoutSchema: OpSchema = {
  opType: 'Dropout',
  infer([xv, rv, tv]) {
    const x = need(xv, 'data');
    requireFloat(x, 'data');
    if (rv && (rv.rank !== 0 || !(rv.dtype === 'float32' || rv.dtype === 'float64'))) throw new Error(`ratio must be a float scalar, got ${rv.dtype}${fmtDims(rv.dims)}`);
    if (tv && (tv.rank !== 0 || tv.dtype !== 'bool')) throw new Error(`training_mode must be a bool scalar, got ${tv.dtype}${fmtDims(tv.dims)}`);
    if (rv) {
      const r = rv.builder.constantOf(rv)?.toArray()[0];
      if (r !== undefined && !(r >= 0 && r < 1)) throw new Error(`ratio ${r} must be in [0, 1)`);
    }
    return [{ dtype: x.dtype, dims: x.dims }, { dtype: 'bool', dims: x.dims }];
  },
};

export interface DropoutOptions {
  /** Probability of zeroing an element (default 0.5). */
  ratio?: number;
  /** A bool scalar value (so one graph serves training and evaluation) or a fixed boolean. */
  training?: Value | boolean;
  /** Integer seed of the runtime's generator (runs differ unless set). */
  seed?: number;
  /** Also emit the mask output (needed by the backward pass). */
  withMask?: boolean;
}

/**
 * Inverted dropout: in training, zeroes elements with probability `ratio` and scales the rest
 * by 1/(1-ratio); otherwise the identity. Returns the output and, with `withMask`, the mask (true = kept).
 */
export function dropout(x: Value, o: DropoutOptions = {}): { output: Value; mask: Value | null } {
  const b = x.builder;
  const ratio = b.scalar(o.ratio ?? 0.5, x.dtype);
  const training = typeof o.training === 'object' ? o.training : b.constant(Tensor.fromArray('bool', [], [o.training ? 1 : 0]));
  if (o.seed !== undefined && !Number.isInteger(o.seed)) throw new Error(`dropout: seed must be an integer, got ${o.seed}`);
  const [output, mask] = b.node('Dropout', [x, ratio, training], { seed: o.seed }, { numOutputs: o.withMask ? 2 : 1 });
  return { output, mask: mask ?? null };
}
