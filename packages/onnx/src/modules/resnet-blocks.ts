import type { Value } from '../builder/value';
import { add } from '../ops/binary';
import { relu } from '../ops/unary';
import { conv2d } from './conv2d';
import { Init } from './init';
import { Norm, norm2d } from './norm';

export interface BlockOptions {
  /** Output channels of the block (for a bottleneck: width * expansion). */
  outChannels: number;
  stride?: number;
  norm?: Norm;
  /** Batch norm: force training/inference form (default: the builder's training mode). */
  training?: boolean;
  /** Zero-initialise the last norm's scale so the block starts as the identity (Goyal et al. 2017). */
  zeroInitResidual?: boolean;
}

export interface BottleneckOptions extends BlockOptions {
  /** Width of the 3x3 convolution; defaults to outChannels / 4 (ResNet's expansion of 4). */
  width?: number;
  groups?: number;
  dilation?: number;
  /** Where the stride sits: on the 3x3 conv (torchvision, "ResNet v1.5", default) or on the first 1x1 (the paper). */
  strideOn?: '3x3' | '1x1';
}

/**
 * Projection shortcut (1x1 conv with stride, then norm) when the shape changes, else the
 * identity; named `downsample/0` and `downsample/1` like torchvision.
 */
function shortcut(x: Value, out: number, stride: number, o: BlockOptions): Value {
  const cin = x.dims[1];
  if (stride === 1 && cin === out) return x;
  const b = x.builder;
  return b.scope('downsample', () => {
    const y = conv2d(x, '0', { outChannels: out, kernel: 1, stride, padding: 0 });
    return norm2d(y, o.norm ?? 'batch', '1', { training: o.training });
  });
}

/** Scale of the last norm starts at 0 when zeroInitResidual: sets `<scope>/<normName>/weight` to zeros. */
function zeroLastNorm(x: Value, normName: string): void {
  const p = x.builder.parameters.get(`${x.builder.currentScope}/${normName}/weight`);
  if (p) (p.tensor.data as Float32Array).fill(0);
}

/**
 * ResNet v1 basic block (He et al. 2016, "Deep Residual Learning"): 3x3 conv (stride) - norm -
 * ReLU - 3x3 conv - norm, plus the shortcut, then ReLU. Parameters are named like torchvision's
 * (`<name>/conv1/weight`, `<name>/bn1/running_mean`, `<name>/downsample/0/weight`).
 */
export function basicBlock(x: Value, name: string, o: BlockOptions): Value {
  const b = x.builder;
  const stride = o.stride ?? 1;
  const norm = o.norm ?? 'batch';
  return b.scope(name, () => {
    let y = conv2d(x, 'conv1', { outChannels: o.outChannels, kernel: 3, stride, init: Init.kaimingNormal() });
    y = relu(norm2d(y, norm, 'bn1', { training: o.training }));
    y = conv2d(y, 'conv2', { outChannels: o.outChannels, kernel: 3, init: Init.kaimingNormal() });
    y = norm2d(y, norm, 'bn2', { training: o.training });
    if (o.zeroInitResidual) zeroLastNorm(y, 'bn2');
    return relu(add(y, shortcut(x, o.outChannels, stride, o)));
  });
}

/**
 * ResNet v1 bottleneck block (He et al. 2016): 1x1 reduce - 3x3 - 1x1 expand, each followed by a
 * norm, ReLU after the first two and after the residual sum.
 */
export function bottleneck(x: Value, name: string, o: BottleneckOptions): Value {
  const b = x.builder;
  const stride = o.stride ?? 1;
  const norm = o.norm ?? 'batch';
  const width = o.width ?? o.outChannels / 4;
  if (!Number.isInteger(width)) throw new Error(`bottleneck '${name}': width ${width} must be an integer (set width explicitly)`);
  const [s1, s3] = o.strideOn === '1x1' ? [stride, 1] : [1, stride];
  const dil = o.dilation ?? 1;
  return b.scope(name, () => {
    let y = conv2d(x, 'conv1', { outChannels: width, kernel: 1, stride: s1, padding: 0 });
    y = relu(norm2d(y, norm, 'bn1', { training: o.training }));
    y = conv2d(y, 'conv2', { outChannels: width, kernel: 3, stride: s3, dilation: dil, padding: dil, groups: o.groups ?? 1 });
    y = relu(norm2d(y, norm, 'bn2', { training: o.training }));
    y = conv2d(y, 'conv3', { outChannels: o.outChannels, kernel: 1, padding: 0 });
    y = norm2d(y, norm, 'bn3', { training: o.training });
    if (o.zeroInitResidual) zeroLastNorm(y, 'bn3');
    return relu(add(y, shortcut(x, o.outChannels, stride, o)));
  });
}
