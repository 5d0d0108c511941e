import { attrString } from '../builder/attributes';
import type { OpSchema } from '../builder/op-schema';
import type { Dim, TypeInfo, Value } from '../builder/value';
import { fmtDims, need, requireFloat, requireInt } from './infer';

export type LossReduction = 'none' | 'mean' | 'sum';

/**
 * ONNX SoftmaxCrossEntropyLoss: scores [N, C, d...], integer labels [N, d...], optional class
 * weights [C]. Outputs the loss ([] when reduced, [N, d...] for 'none') and optionally log_prob
 * (the shape of scores).
 */
export const softmaxCrossEntropySchema: OpSchema = {
  opType: 'SoftmaxCrossEntropyLoss',
  infer([sv, lv, wv], attrs) {
    const s = need(sv, 'scores'); const l = need(lv, 'labels');
    requireFloat(s, 'scores');
    requireInt(l, 'labels');
    if (s.rank < 2) throw new Error(`scores must be [N, C, d...], got ${fmtDims(s.dims)}`);
    const expected = [s.dims[0], ...s.dims.slice(2)];
    const ok = l.rank === expected.length && l.dims.every((d, i) => typeof d !== 'number' || typeof expected[i] !== 'number' || d === expected[i]);
    if (!ok) throw new Error(`labels must be ${fmtDims(expected)} (scores ${fmtDims(s.dims)} without the class axis), got ${fmtDims(l.dims)}`);
    if (wv) {
      if (wv.dtype !== s.dtype) throw new Error(`weights must have the dtype of scores (${s.dtype}), got ${wv.dtype}`);
      if (wv.rank !== 1 || (typeof wv.dims[0] === 'number' && typeof s.dims[1] === 'number' && wv.dims[0] !== s.dims[1])) {
        throw new Error(`weights must be [${s.dims[1]}] (one per class), got ${fmtDims(wv.dims)}`);
      }
    }
    const reduction = attrString(attrs, 'reduction', 'mean');
    if (!['none', 'mean', 'sum'].includes(reduction)) throw new Error(`reduction '${reduction}' is not one of none, mean, sum`);
    const lossDims: Dim[] = reduction === 'none' ? [...(l.dims as Dim[])] : [];
    const out: TypeInfo[] = [{ dtype: s.dtype, dims: lossDims }, { dtype: s.dtype, dims: s.dims }];
    return out;
  },
};

export interface SoftmaxCrossEntropyOptions {
  reduction?: LossReduction;
  /** Labels equal to this value contribute nothing (and are left out of the mean's denominator). */
  ignoreIndex?: number;
  /** Per-class weights [C]; with 'mean' the loss is divided by the sum of the picked weights. */
  weights?: Value | null;
  /** Also return log_prob (log-softmax of scores), which the backward pass reuses. */
  withLogProb?: boolean;
}

/** Softmax cross-entropy of class scores [N, C, d...] against integer labels [N, d...]. */
export function softmaxCrossEntropy(scores: Value, labels: Value, o: SoftmaxCrossEntropyOptions = {}): { loss: Value; logProb: Value | null } {
  const inputs = o.weights ? [scores, labels, o.weights] : [scores, labels];
  const [loss, logProb] = scores.builder.node('SoftmaxCrossEntropyLoss', inputs, {
    reduction: o.reduction ?? 'mean',
    ignore_index: o.ignoreIndex,
  }, { numOutputs: o.withLogProb ? 2 : 1, name: 'SoftmaxCE' });
  return { loss, logProb: logProb ?? null };
}
