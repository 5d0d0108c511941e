import type { Value } from '../builder/value';
import * as op from '../ops';

/** How a per-element loss becomes the returned value. */
export type Reduction = 'mean' | 'sum' | 'none';

/** Options shared by every loss in this folder. */
export interface LossOptions {
  /** 'mean' (default), 'sum', or 'none' for the per-element loss. */
  reduction?: Reduction;
  /**
   * Optional per-element weight or 0/1 mask with the per-element loss's shape (bool and integer
   * masks are cast). With a weight, 'mean' is the weighted mean sum(w*l)/sum(w), so a mask gives
   * the mean over the kept elements; 'sum' is sum(w*l); 'none' is w*l.
   */
  weight?: Value;
}

/** Denominators below this are clamped so that an all-masked batch gives a loss of 0, not NaN. */
const MIN_WEIGHT_SUM = 1e-12;

/** Casts a mask/weight to the loss's float dtype and checks that its shape matches the loss's. */
export function lossWeight(loss: Value, weight: Value, what = 'weight'): Value {
  if (!sameDims(weight.dims, loss.dims)) {
    throw new Error(`loss ${what} must have the per-element loss's shape [${loss.dims.join(', ')}], got [${weight.dims.join(', ')}] ('${weight.name}')`);
  }
  return op.cast(weight, loss.dtype);
}

/**
 * Reduces a per-element loss. `weight` (already checked by `lossWeight`) turns 'mean' into the
 * weighted mean, as PyTorch's cross-entropy does with class weights.
 */
export function reduceLoss(perElement: Value, reduction: Reduction = 'mean', weight?: Value): Value {
  const weighted = weight ? op.mul(perElement, weight) : perElement;
  switch (reduction) {
    case 'none': return weighted;
    case 'sum': return op.reduceSum(weighted);
    case 'mean': {
      if (!weight) return op.reduceMean(perElement);
      return op.div(op.reduceSum(weighted), op.max(op.reduceSum(weight), MIN_WEIGHT_SUM));
    }
    default: throw new Error(`unknown loss reduction '${String(reduction)}'; expected 'mean', 'sum' or 'none'`);
  }
}

/** Checks that prediction and target have one shape (no silent broadcasting of a target). */
export function checkSameShape(what: string, pred: Value, target: Value): void {
  if (!sameDims(pred.dims, target.dims)) throw new Error(`${what}: prediction [${pred.dims.join(', ')}] and target [${target.dims.join(', ')}] must have the same shape`);
  if (pred.dtype !== target.dtype) throw new Error(`${what}: prediction is ${pred.dtype} but target is ${target.dtype}`);
}

/** Equal ranks and sizes; a symbolic size matches anything (it is checked at run time). */
function sameDims(a: Value['dims'], b: Value['dims']): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i] || typeof d !== 'number' || typeof b[i] !== 'number');
}
