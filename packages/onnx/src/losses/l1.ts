import type { Value } from '../builder/value';
import * as op from '../ops';
import { checkSameShape, LossOptions, lossWeight, reduceLoss } from './reduction';

/** Mean absolute error |x - y| (PyTorch's L1Loss). */
export function l1Loss(pred: Value, target: Value, options: LossOptions = {}): Value {
  checkSameShape('l1Loss', pred, target);
  const perElement = op.abs(op.sub(pred, target));
  return reduceLoss(perElement, options.reduction, options.weight && lossWeight(perElement, options.weight));
}
