import type { Value } from '../builder/value';
import * as op from '../ops';
import { checkSameShape, LossOptions, lossWeight, reduceLoss } from './reduction';

/** Mean squared error (x - y)^2 (PyTorch's MSELoss). */
export function mseLoss(pred: Value, target: Value, options: LossOptions = {}): Value {
  checkSameShape('mseLoss', pred, target);
  const d = op.sub(pred, target);
  const perElement = op.mul(d, d);
  return reduceLoss(perElement, options.reduction, options.weight && lossWeight(perElement, options.weight));
}
