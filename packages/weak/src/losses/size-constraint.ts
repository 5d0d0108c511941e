import { op, Value } from '@seg/onnx';

/**
 * The size penalty of Kervadec et al., "Constrained-CNN losses for weakly supervised
 * segmentation" (Medical Image Analysis 54, 2019): with V = Σ_p s_p the predicted (soft) size of
 * each image, the penalty is (V − b)² when V > b, (a − V)² when V < a, 0 inside [a, b], divided by
 * the image's pixel count as in the authors' code. Inputs: probabilities [B, 1, H, W] and bounds
 * [B] in pixels; returns the mean penalty over the batch (a scalar).
 */
export function sizePenalty(probs: Value, lower: Value, upper: Value): Value {
  if (probs.rank !== 4 || probs.dims.slice(1).some((d) => typeof d !== 'number')) {
    throw new Error(`sizePenalty: probabilities must be [B, 1, H, W] with static C, H, W, got [${probs.dims.join(', ')}]`);
  }
  const [, c, h, w] = probs.dims as number[];
  const size = op.reduceSum(probs, [1, 2, 3]); // [B]
  const above = op.relu(op.sub(size, upper));
  const below = op.relu(op.sub(lower, size));
  const penalty = op.add(op.mul(above, above), op.mul(below, below));
  return op.div(op.reduceMean(penalty), c * h * w);
}
