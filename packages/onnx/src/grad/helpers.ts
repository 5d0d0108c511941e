import { DType, Tensor } from '@seg/tensor';
import type { GraphBuilder } from '../builder/graph-builder';
import type { Dim, Value } from '../builder/value';
import { dtypeToOnnx } from '../proto/dtype';
import { reduceSum, shape, squeeze } from '../ops';

/** Helpers that rules share to emit common backward patterns. All emit into `v.builder`. */

/** A scalar constant of `like`'s dtype. */
export const scalarLike = (like: Value, x: number): Value => like.builder.scalar(x, like.dtype);

/**
 * Zeros with `like`'s dtype and (static) shape: a cached constant when small, a ConstantOfShape
 * node when large (so that a model never carries megabytes of zeros as an initializer).
 */
export function zerosLike(like: Value): Value {
  const b = like.builder;
  if (!like.isStatic) return b.node1('ConstantOfShape', [shapeOf(like)], { value: new Tensor(like.dtype, [1]) });
  return zerosOf(like.dtype, like.shape, b);
}

/** v's shape as an int64 value: a constant when static, else a Shape node (symbolic batch etc.). */
export function shapeOf(v: Value): Value {
  return v.isStatic ? v.builder.ints(v.shape) : shape(v);
}

/** Reshapes g to `like`'s shape (static or symbolic). */
export function reshapeLike(g: Value, like: Value): Value {
  return g.builder.node1('Reshape', [g, shapeOf(like)]);
}

export function zerosOf(dtype: DType, dims: readonly number[], b: GraphBuilder): Value {
  const size = dims.reduce((a, d) => a * d, 1);
  if (size <= 4096) return b.constant(new Tensor(dtype, dims));
  return b.node1('ConstantOfShape', [b.ints(dims)], { value: new Tensor(dtype, [1]) });
}

/** Static dims of a value, or an error naming what needed them. */
export function staticDims(v: Value, what: string): number[] {
  if (!v.isStatic) throw new Error(`${what} needs the static shape of '${v.name}', got [${v.dims.join(', ')}]`);
  return v.shape;
}

/** Casts a bool mask to `like`'s float dtype (1 where true). */
export function maskOf(cond: Value, like: Value): Value {
  return cond.builder.node1('Cast', [cond], { to: dtypeToOnnx(like.dtype) });
}

function sameDims(a: readonly Dim[], b: readonly Dim[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/**
 * Sums a gradient that was broadcast from `target` dims back to them: ReduceSum over the leading
 * axes and the axes where the target is 1, then Squeeze the leading axes. Symbolic dims are taken as
 * unbroadcast when both sides carry one (numpy broadcasting cannot change a dim that is not 1).
 */
export function unbroadcast(g: Value, target: readonly Dim[]): Value {
  if (sameDims(g.dims, target)) return g;
  const lead = g.rank - target.length;
  if (lead < 0) throw new Error(`gradient '${g.name}' [${g.dims.join(', ')}] has lower rank than its input [${target.join(', ')}]`);
  const axes: number[] = [];
  for (let i = 0; i < g.rank; i++) {
    if (i < lead) { axes.push(i); continue; }
    const t = target[i - lead];
    if (t === 1 && g.dims[i] !== 1) axes.push(i);
  }
  let out = axes.length ? reduceSum(g, axes, true) : g;
  if (lead > 0) out = squeeze(out, Array.from({ length: lead }, (_, i) => i));
  return out;
}

/** Broadcasts `g` to the shape of `like` with Expand (used by reductions' backward). */
export function expandLike(g: Value, like: Value): Value {
  if (sameDims(g.dims, like.dims)) return g;
  return g.builder.node1('Expand', [g, shapeOf(like)]);
}

/** Broadcasts `g` to static `dims` with Expand. */
export function expandTo(g: Value, dims: readonly number[]): Value {
  if (sameDims(g.dims, dims)) return g;
  return g.builder.node1('Expand', [g, g.builder.ints(dims)]);
}

/** Memoises a thunk so that two input gradients can share one intermediate. */
export function lazy<T>(f: () => T): () => T {
  let done = false;
  let v: T;
  return () => {
    if (!done) { v = f(); done = true; }
    return v;
  };
}

/** Normalises a possibly negative axis. */
export const normAxis = (axis: number, rank: number): number => (axis < 0 ? axis + rank : axis);

export const isFloat = (v: Value): boolean => v.dtype === 'float32' || v.dtype === 'float64';
