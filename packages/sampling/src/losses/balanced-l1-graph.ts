import { checkSameShape, lossWeight, LossOptions, op, reduceLoss, Value } from '@seg/onnx';
import { BalancedL1Options, balancedL1Params } from './balanced-l1';

/**
 * Balanced L1 loss (Libra R-CNN, Eq. 10) as ONNX graph ops, for training with seg's autodiff.
 * Written without a select: with a = min(|d|, beta),
 *   L = f(a) + gamma (|d| - a),   f(a) = alpha/b (b a + 1) ln(b a/beta + 1) - alpha a,
 * which equals the piecewise definition because f(beta) = gamma beta + C; its gradient comes from
 * the Abs/Min/Log rules (alpha ln(b|d|/beta + 1) sign(d) inside, gamma sign(d) outside).
 */
export function balancedL1LossGraph(pred: Value, target: Value, options: BalancedL1Options & LossOptions = {}): Value {
  checkSameShape('balancedL1Loss', pred, target);
  const { alpha, gamma, beta, b } = balancedL1Params(options);
  const absDiff = op.abs(op.sub(pred, target));
  const a = op.min(absDiff, beta);
  const inner = op.sub(
    op.mul(op.mul(op.add(op.mul(a, b), 1), op.log(op.add(op.mul(a, b / beta), 1))), alpha / b),
    op.mul(a, alpha),
  );
  const perElement = op.add(inner, op.mul(op.sub(absDiff, a), gamma));
  return reduceLoss(perElement, options.reduction, options.weight && lossWeight(perElement, options.weight));
}
