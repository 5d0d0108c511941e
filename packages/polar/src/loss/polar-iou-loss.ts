import { checkSameShape, lossWeight, LossOptions, op, reduceLoss, Value } from '@seg/onnx';

/**
 * The Polar IoU loss of PolarMask (Xie et al., CVPR 2020, Eq. 6) as ONNX graph ops:
 * per instance, log( sum_k max(d_k, d*_k) / sum_k min(d_k, d*_k) ) over the ray axis (the last),
 * then reduced over instances ('mean' by default; `weight` per instance, e.g. centerness, gives the
 * weighted mean). Its gradient comes from the Max/Min/ReduceSum/Div/Log backward rules; in closed
 * form it is [d > d*] / sum max - [d < d*] / sum min per ray.
 * Distances must be positive (PolarMask predicts exp(.) of the head output).
 */
export function polarIouLossGraph(pred: Value, target: Value, options: LossOptions = {}): Value {
  checkSameShape('polarIouLoss', pred, target);
  if (pred.dims.length < 1) throw new Error('polarIouLoss: distances need a ray axis (last dimension), got a scalar');
  const axis = pred.dims.length - 1;
  const total = op.reduceSum(op.max(pred, target), [axis]);
  const overlap = op.reduceSum(op.min(pred, target), [axis]);
  const perInstance = op.log(op.div(total, overlap));
  return reduceLoss(perInstance, options.reduction, options.weight && lossWeight(perInstance, options.weight));
}
