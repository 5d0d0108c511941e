import { Tensor } from '@seg/tensor';
import { attrNumber, attrString } from '../../builder/attributes';
import type { Value } from '../../builder/value';
import { add, div, equal, exp, mul, reduceSum, sub, unsqueeze } from '../../ops';
import { lazy, maskOf, staticDims } from '../helpers';
import type { GradRule } from '../types';

/**
 * SoftmaxCrossEntropyLoss(scores [N, C, d...], labels [N, d...], weights? [C]). With p = softmax
 * over C and w_i = weights[label_i] (1 without weights, 0 where label_i = ignore_index):
 * loss_i = -w_i log p[i, label_i], so dscores[i] = g_i w_i (p_i - onehot(label_i)) where g_i is
 * dloss_i ('none'), dloss ('sum') or dloss / sum(w) ('mean', onnxruntime's weighted mean). The
 * optional log_prob output adds its own gradient, dlp - p * sum_C(dlp). Weights get no gradient.
 */
export const softmaxCrossEntropyGrad: GradRule = {
  opType: 'SoftmaxCrossEntropyLoss',
  grad: ({ node, builder: b }, [dLoss, dLogProb]) => [() => {
    const [scores, labels, weights] = node.inputs as (Value | null)[];
    const s = scores!;
    const c = staticDims(s, `gradient of '${node.name}'`)[1];
    const reduction = attrString(node.attributes, 'reduction', 'mean');
    const ignore = node.attributes.ignore_index !== undefined ? attrNumber(node.attributes, 'ignore_index', 0) : null;
    const logProb = node.outputs[1];
    const p = lazy(() => (logProb ? exp(logProb) : b.node1('Softmax', [s], { axis: 1 })));
    let total: Value | null = null;
    if (dLoss) {
      // one-hot of the labels along the class axis: labels[:, None] == arange(C)
      const classShape = [1, c, ...s.dims.slice(2).map(() => 1)];
      const arange = b.constant(Tensor.fromArray(labels!.dtype, classShape, Array.from({ length: c }, (_, i) => (labels!.dtype === 'int64' ? BigInt(i) : i)) as number[]));
      const lab = unsqueeze(labels!, [1]);
      const onehot = maskOf(equal(lab, arange), s);
      // per-element weight w_i [N, d...]
      let w: Value | null = weights ? reduceSum(mul(onehot, unsqueeze(weights, [0, ...s.dims.slice(2).map((_, i) => i + 2)])), [1], false) : null;
      if (ignore !== null) {
        const keep = maskOf(b.node1('Not', [equal(labels!, b.scalar(ignore, labels!.dtype))]), s);
        w = w ? mul(w, keep) : keep;
      }
      let g: Value;
      if (reduction === 'none') g = w ? mul(dLoss, w) : dLoss;
      else {
        let scale: Value = dLoss;
        if (reduction === 'mean') {
          const denom = w ? reduceSum(w) : b.scalar(staticDims(labels!, 'SoftmaxCrossEntropyLoss labels').reduce((a, d) => a * d, 1), s.dtype);
          scale = div(dLoss, denom);
        }
        g = w ? mul(w, scale) : b.node1('Expand', [scale, b.ints(staticDims(labels!, 'SoftmaxCrossEntropyLoss labels'))]);
      }
      total = mul(unsqueeze(g, [1]), sub(p(), onehot));
    }
    if (dLogProb) {
      const fromLogProb = sub(dLogProb, mul(p(), reduceSum(dLogProb, [1], true)));
      total = total ? add(total, fromLogProb) : fromLogProb;
    }
    return total;
  }, null, null],
};
