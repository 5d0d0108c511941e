import type { Value } from '../builder/value';
import * as op from '../ops';
import { checkSameShape, LossOptions, lossWeight, reduceLoss } from './reduction';

/**
 * Binary cross-entropy on logits x against targets z in [0, 1], in the numerically stable form
 * max(x, 0) - x*z + log(1 + exp(-|x|)) (as PyTorch's BCEWithLogitsLoss), from primitive ops.
 */
export function binaryCrossEntropyWithLogits(logits: Value, targets: Value, options: LossOptions = {}): Value {
  checkSameShape('binaryCrossEntropyWithLogits', logits, targets);
  // exp(-|x|) <= 1, so the log never overflows and never sees an argument below 1.
  const softTail = op.log(op.add(op.exp(op.neg(op.abs(logits))), 1));
  const perElement = op.add(op.sub(op.relu(logits), op.mul(logits, targets)), softTail);
  return reduceLoss(perElement, options.reduction, options.weight && lossWeight(perElement, options.weight));
}
