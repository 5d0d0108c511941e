/**
 * Balanced L1 loss (Libra R-CNN, Pang et al., CVPR 2019, Eq. 8-10): it raises the gradient of
 * inliers (|x| < beta) to alpha * ln(b|x|/beta + 1) while keeping the outliers' gradient at gamma,
 * with b fixed by continuity of the gradient at |x| = beta: alpha * ln(b + 1) = gamma.
 *   L(x) = alpha/b (b|x| + 1) ln(b|x|/beta + 1) - alpha|x|   if |x| < beta
 *        = gamma|x| + C,  C = gamma/b - alpha*beta           otherwise (so L is continuous).
 * Defaults alpha = 0.5, gamma = 1.5, beta = 1 are the paper's.
 */
export interface BalancedL1Options {
  alpha?: number;
  gamma?: number;
  beta?: number;
}

export interface BalancedL1Params { alpha: number; gamma: number; beta: number; b: number }

export function balancedL1Params(options: BalancedL1Options = {}): BalancedL1Params {
  const alpha = options.alpha ?? 0.5, gamma = options.gamma ?? 1.5, beta = options.beta ?? 1;
  if (!(alpha > 0)) throw new Error(`balanced L1: alpha must be > 0, got ${alpha}`);
  if (!(gamma > 0)) throw new Error(`balanced L1: gamma must be > 0, got ${gamma}`);
  if (!(beta > 0)) throw new Error(`balanced L1: beta must be > 0, got ${beta}`);
  return { alpha, gamma, beta, b: Math.exp(gamma / alpha) - 1 };
}

/** L(x) for one difference x = prediction - target. */
export function balancedL1(x: number, p: BalancedL1Params = balancedL1Params()): number {
  const a = Math.abs(x);
  if (a < p.beta) return (p.alpha / p.b) * (p.b * a + 1) * Math.log((p.b * a) / p.beta + 1) - p.alpha * a;
  return p.gamma * a + p.gamma / p.b - p.alpha * p.beta;
}

/**
 * dL/dx for one difference. With beta = 1 this is the paper's Eq. 9, alpha ln(b|x| + 1) sign(x) inside
 * and gamma sign(x) outside; for other beta (mmdetection's generalisation of the loss above) the
 * inlier derivative gains alpha ((b|x| + 1) / (b|x| + beta) - 1).
 */
export function balancedL1Grad(x: number, p: BalancedL1Params = balancedL1Params()): number {
  const a = Math.abs(x);
  const s = Math.sign(x);
  if (a >= p.beta) return s * p.gamma;
  return s * p.alpha * (Math.log((p.b * a) / p.beta + 1) + (p.b * a + 1) / (p.b * a + p.beta) - 1);
}

/** Per-element losses of pred - target. */
export function balancedL1Elementwise(pred: ArrayLike<number>, target: ArrayLike<number>, options: BalancedL1Options = {}): Float32Array {
  if (pred.length !== target.length) throw new Error(`balanced L1: ${pred.length} predictions but ${target.length} targets`);
  const p = balancedL1Params(options);
  const out = new Float32Array(pred.length);
  for (let i = 0; i < pred.length; i++) out[i] = balancedL1(pred[i] - target[i], p);
  return out;
}

/** Mean (default) or sum of the per-element losses; an optional weight gives the weighted mean sum(w l) / sum(w). */
export function balancedL1Loss(pred: ArrayLike<number>, target: ArrayLike<number>, options: BalancedL1Options & { reduction?: 'mean' | 'sum'; weight?: ArrayLike<number> } = {}): number {
  const l = balancedL1Elementwise(pred, target, options);
  const w = options.weight;
  if (w && w.length !== l.length) throw new Error(`balanced L1: ${w.length} weights for ${l.length} elements`);
  let s = 0, ws = 0;
  for (let i = 0; i < l.length; i++) { const wi = w ? w[i] : 1; s += wi * l[i]; ws += wi; }
  if ((options.reduction ?? 'mean') === 'sum') return s;
  return ws > 0 ? s / ws : 0;
}
