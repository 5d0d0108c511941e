import { attrInts, attrNumber } from '../builder/attributes';
import type { OpSchema } from '../builder/op-schema';
import type { Dim, Value } from '../builder/value';
import { constInts, need, normAxis, one } from './infer';

/**
 * Reduce ops. ReduceSum takes `axes` as an input from opset 13, the others from opset 18; seg's
 * reduce() picks the right form for the builder's opset.
 */
const AXES_AS_INPUT_SINCE: Record<string, number> = { ReduceSum: 13 };

const reduceSchema = (opType: string): OpSchema => ({
  opType,
  infer([xv, av], attrs, opset) {
    const x = need(xv, 'data');
    const asInput = opset >= (AXES_AS_INPUT_SINCE[opType] ?? 18);
    const axes = asInput ? (av ? constInts(av) : []) : attrInts(attrs, 'axes', []);
    if (!axes) throw new Error('axes must be a constant');
    const keep = attrNumber(attrs, 'keepdims', 1) === 1;
    const all = axes.length === 0 && attrNumber(attrs, 'noop_with_empty_axes', 0) === 0;
    const norm = all ? x.dims.map((_, i) => i) : axes.map((a) => normAxis(a, x.rank));
    const dims: Dim[] = [];
    x.dims.forEach((d, i) => { if (!norm.includes(i)) dims.push(d); else if (keep) dims.push(1); });
    return one(x.dtype, dims);
  },
});

export type ReduceOp = 'ReduceSum' | 'ReduceMean' | 'ReduceMax' | 'ReduceMin' | 'ReduceProd' | 'ReduceSumSquare' | 'ReduceL1' | 'ReduceL2' | 'ReduceLogSum' | 'ReduceLogSumExp';
export const reduceSchemas: OpSchema[] = ['ReduceSum', 'ReduceMean', 'ReduceMax', 'ReduceMin', 'ReduceProd', 'ReduceSumSquare', 'ReduceL1', 'ReduceL2', 'ReduceLogSum', 'ReduceLogSumExp'].map(reduceSchema);

/** Reduces over `axes` (all axes when omitted), in the form the builder's opset expects. */
export function reduce(op: ReduceOp, x: Value, axes?: number[], keepdims = false): Value {
  const b = x.builder;
  const asInput = b.opset >= (AXES_AS_INPUT_SINCE[op] ?? 18);
  const k = keepdims ? 1 : 0;
  if (asInput) return b.node1(op, axes && axes.length ? [x, b.ints(axes)] : [x], { keepdims: k });
  return b.node1(op, [x], { keepdims: k, axes: axes && axes.length ? axes : undefined });
}

export const reduceSum = (x: Value, axes?: number[], keepdims = false): Value => reduce('ReduceSum', x, axes, keepdims);
export const reduceMean = (x: Value, axes?: number[], keepdims = false): Value => reduce('ReduceMean', x, axes, keepdims);
export const reduceMax = (x: Value, axes?: number[], keepdims = false): Value => reduce('ReduceMax', x, axes, keepdims);
export const reduceMin = (x: Value, axes?: number[], keepdims = false): Value => reduce('ReduceMin', x, axes, keepdims);
