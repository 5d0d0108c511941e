import { attrInts, attrNumber } from '../../builder/attributes';
import type { NodeRecord } from '../../builder/node';
import type { Value } from '../../builder/value';
import { constInts } from '../../ops/infer';
import { div, equal, exp, mul, reduceSum, sign, sub, unsqueeze } from '../../ops';
import { expandLike, maskOf, normAxis } from '../helpers';
import { dtypeToOnnx } from '../../proto/dtype';
import type { GradRule } from '../types';

/** Reduce* backward: bring dy back to the reduced rank (keepdims form), broadcast, and weight. */

/** count: elements per reduced group, null when a reduced axis is symbolic. */
interface Reduction { axes: number[]; keepdims: boolean; count: number | null }

/** The normalised reduced axes of a Reduce* node (axes as input from opset 13/18 or as attribute). */
export function reductionOf(node: NodeRecord, opset: number): Reduction {
  const x = node.inputs[0] as Value;
  const asInput = opset >= (node.opType === 'ReduceSum' ? 13 : 18);
  let axes: number[] | null | undefined;
  if (asInput) axes = node.inputs[1] ? constInts(node.inputs[1]) : [];
  else axes = attrInts(node.attributes, 'axes', []);
  if (!axes) throw new Error(`gradient of '${node.name}' needs constant axes`);
  const keepdims = attrNumber(node.attributes, 'keepdims', 1) === 1;
  if (axes.length === 0) {
    if (attrNumber(node.attributes, 'noop_with_empty_axes', 0) === 1) return { axes: [], keepdims, count: 1 };
    axes = x.dims.map((_, i) => i);
  }
  const norm = axes.map((a) => normAxis(a, x.rank)).sort((p, q) => p - q);
  let count: number | null = 1;
  for (const a of norm) {
    const d = x.dims[a];
    count = typeof d === 'number' && count !== null ? count * d : null;
  }
  return { axes: norm, keepdims, count };
}

/** dy (or y) in keepdims form, i.e. broadcastable against x. */
function keep(v: Value, r: Reduction): Value {
  return r.keepdims || r.axes.length === 0 ? v : unsqueeze(v, r.axes);
}

const reduceRule = (opType: string, f: (dyk: Value, x: Value, yk: Value, r: Reduction) => Value): GradRule => ({
  opType,
  grad: ({ node, builder }, [dy]) => [() => {
    const r = reductionOf(node, builder.opset);
    const x = node.inputs[0] as Value;
    return f(keep(dy!, r), x, keep(node.outputs[0], r), r);
  }, null],
});

/** Elements per reduced group at run time: Size(x) / Size(y), as x's dtype. */
function groupSize(x: Value, yk: Value): Value {
  const b = x.builder;
  const size = (v: Value): Value => b.node1('Cast', [b.node1('Size', [v])], { to: dtypeToOnnx(x.dtype) });
  return div(size(x), size(yk));
}

/** Max/Min: the gradient goes to the extreme elements, split evenly among ties (like torch.amax). */
const extremeGrad = (dyk: Value, x: Value, yk: Value, r: Reduction): Value => {
  const m = maskOf(equal(x, yk), x);
  const ties = reduceSum(m, r.axes, true);
  return mul(m, div(dyk, ties));
};

export const reduceGrads: GradRule[] = [
  reduceRule('ReduceSum', (dyk, x) => expandLike(dyk, x)),
  reduceRule('ReduceMean', (dyk, x, yk, r) => expandLike(r.count !== null ? mul(dyk, 1 / r.count) : div(dyk, groupSize(x, yk)), x)),
  reduceRule('ReduceMax', extremeGrad),
  reduceRule('ReduceMin', extremeGrad),
  // sum of squares: 2 x dy
  reduceRule('ReduceSumSquare', (dyk, x) => mul(mul(x, 2), dyk)),
  // L1 norm: sign(x) dy
  reduceRule('ReduceL1', (dyk, x) => mul(sign(x), dyk)),
  // log of sum: dy / sum(x) = dy / exp(y)
  reduceRule('ReduceLogSum', (dyk, x, yk) => expandLike(div(dyk, exp(yk)), x)),
  // L2 norm: x / y dy
  reduceRule('ReduceL2', (dyk, x, yk) => mul(div(x, yk), dyk)),
  // log-sum-exp: softmax(x) dy = exp(x - y) dy
  reduceRule('ReduceLogSumExp', (dyk, x, yk) => mul(exp(sub(x, yk)), dyk)),
  // product (x != 0): y / x dy
  reduceRule('ReduceProd', (dyk, x, yk) => mul(div(yk, x), dyk)),
];
