import { op, Value } from '@seg/onnx';
import { Tensor } from '@seg/tensor';
import type { BuildContext } from './types';

/** ImageNet statistics of RGB in [0, 1] (torchvision, the ONNX model zoo). */
export const IMAGENET_MEAN = [0.485, 0.456, 0.406] as const;
export const IMAGENET_STD = [0.229, 0.224, 0.225] as const;

/** A parameter read from the context's weight source under `key`, named `name` in the current scope. */
export function param(ctx: BuildContext, key: string, dims: readonly number[], name: string = key): Value {
  return ctx.b.param(name, ctx.weights.get(key, dims), { trainable: ctx.trainable });
}

/** The weight key of `name` under the builder's current scope, relative to where the backbone started. */
export function scopedKey(ctx: BuildContext, root: string, name: string): string {
  const scope = ctx.b.currentScope;
  const rel = root && scope.startsWith(root) ? scope.slice(root.length).replace(/^\//, '') : scope;
  return rel ? `${rel}/${name}` : name;
}

export interface ConvSpec {
  out: number;
  in: number;
  kernel: number;
  stride?: number;
  pad?: number;
  group?: number;
  bias?: boolean;
}

/** Conv with square kernel and symmetric padding; `keys` name its weight (and bias) in the source. */
export function conv(ctx: BuildContext, x: Value, s: ConvSpec, keys: { weight: string; bias?: string }, names?: { weight: string; bias?: string }): Value {
  const group = s.group ?? 1;
  const w = param(ctx, keys.weight, [s.out, s.in / group, s.kernel, s.kernel], names?.weight);
  const b = s.bias ? param(ctx, keys.bias ?? `${keys.weight}_bias`, [s.out], names?.bias) : null;
  const p = s.pad ?? 0;
  const st = s.stride ?? 1;
  return op.conv(x, w, b, { strides: [st, st], pads: [p, p, p, p], group });
}

/** Inference-mode BatchNormalization, recorded in `ctx.batchNorms` under `record`. */
export function batchNorm(
  ctx: BuildContext, x: Value, channels: number, record: string,
  keys: { scale: string; bias: string; mean: string; var: string },
  names?: { scale: string; bias: string; mean: string; var: string }, epsilon = 1e-5,
): Value {
  const scale = param(ctx, keys.scale, [channels], names?.scale);
  const bias = param(ctx, keys.bias, [channels], names?.bias);
  // Running statistics are not learnt by gradient: a trainer updates them from batch statistics.
  const runningMean = ctx.b.param(names?.mean ?? keys.mean, ctx.weights.get(keys.mean, [channels]), { trainable: false });
  const runningVar = ctx.b.param(names?.var ?? keys.var, ctx.weights.get(keys.var, [channels]), { trainable: false });
  const output = op.batchNorm(x, scale, bias, runningMean, runningVar, epsilon);
  ctx.batchNorms.push({ name: record, input: x, output, scale, bias, runningMean, runningVar, epsilon });
  return output;
}

/** (x - mean) / std per channel: turns RGB in [0, 1] into what ImageNet-trained weights expect. */
export function imagenetNormalize(x: Value): Value {
  const b = x.builder;
  const c = (v: readonly number[]) => b.constant(Tensor.fromArray('float32', [1, v.length, 1, 1], v));
  return b.scope('normalize', () => op.div(op.sub(x, c(IMAGENET_MEAN)), c(IMAGENET_STD)));
}
