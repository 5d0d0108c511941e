import type { Value } from '../builder/value';
import * as op from '../ops';
import { checkSameShape, LossOptions, lossWeight, reduceLoss } from './reduction';

export interface SmoothL1Options extends LossOptions {
  /** Where the loss turns from quadratic to linear (PyTorch's beta, Fast R-CNN uses 1). */
  beta?: number;
}

/**
 * Smooth L1 (Huber-like) loss of Fast R-CNN (Girshick 2015), PyTorch's SmoothL1Loss:
 * 0.5 d^2 / beta where |d| < beta, |d| - 0.5 beta elsewhere. Written without a select as
 * 0.5 a^2 / beta + (|d| - a) with a = min(|d|, beta), which is the same function.
 */
export function smoothL1Loss(pred: Value, target: Value, options: SmoothL1Options = {}): Value {
  checkSameShape('smoothL1Loss', pred, target);
  const beta = options.beta ?? 1;
  if (!(beta >= 0)) throw new Error(`smoothL1Loss: beta must be >= 0, got ${beta}`);
  const absDiff = op.abs(op.sub(pred, target));
  let perElement: Value;
  if (beta === 0) perElement = absDiff;
  else {
    const a = op.min(absDiff, beta);
    perElement = op.add(op.mul(op.mul(a, a), 0.5 / beta), op.sub(absDiff, a));
  }
  return reduceLoss(perElement, options.reduction, options.weight && lossWeight(perElement, options.weight));
}
