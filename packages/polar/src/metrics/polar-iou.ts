/**
 * Polar IoU (PolarMask, Xie et al., CVPR 2020, Eq. 4-5): the IoU of two masks sharing a centre and
 * rays, approximated ray by ray as sum_k min(d_k, d*_k) / sum_k max(d_k, d*_k).
 */
export function polarIou(pred: ArrayLike<number>, target: ArrayLike<number>): number {
  const [mn, mx] = sums(pred, target);
  return mx > 0 ? mn / mx : 1;
}

/** The Polar IoU loss log(sum max(d, d*) / sum min(d, d*)) = -log(Polar IoU) (Eq. 6). */
export function polarIouLoss(pred: ArrayLike<number>, target: ArrayLike<number>): number {
  const [mn, mx] = sums(pred, target);
  if (!(mn > 0)) throw new Error('polarIouLoss: sum of min(d, d*) is 0; distances must be positive');
  return Math.log(mx / mn);
}

/**
 * d loss / d pred_k in closed form: [d_k > d*_k] / sum max - [d_k < d*_k] / sum min
 * (the max picks the prediction where it is larger, the min where it is smaller; ties give 0).
 */
export function polarIouLossGrad(pred: ArrayLike<number>, target: ArrayLike<number>, out?: Float64Array): Float64Array {
  const [mn, mx] = sums(pred, target);
  const g = out ?? new Float64Array(pred.length);
  for (let k = 0; k < pred.length; k++) {
    g[k] = pred[k] > target[k] ? 1 / mx : pred[k] < target[k] ? -1 / mn : 0;
  }
  return g;
}

function sums(pred: ArrayLike<number>, target: ArrayLike<number>): [number, number] {
  if (pred.length !== target.length) throw new Error(`Polar IoU: ${pred.length} predicted rays but ${target.length} target rays`);
  let mn = 0, mx = 0;
  for (let k = 0; k < pred.length; k++) {
    const a = pred[k], b = target[k];
    if (!(a >= 0) || !(b >= 0)) throw new Error(`Polar IoU: ray ${k} has a negative or NaN distance (${a}, ${b})`);
    mn += Math.min(a, b);
    mx += Math.max(a, b);
  }
  return [mn, mx];
}
