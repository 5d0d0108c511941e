import { choleskyInPlace, choleskySolveInPlace } from './linalg';

/**
 * An L2-regularised multinomial logistic regression posed on its training rows only:
 *   minimise  Σ_i s_i CE(W x_i + b, y_i) + λ ‖W‖²   (s_i normalised to sum 1)
 * By the representer theorem W = Σ_i α_i x_iᵀ, so the problem lives in n x K coefficients and the
 * Gram matrix G = X Xᵀ (+ c² for a bias folded in as a constant feature c, penalised by λ b²/c²).
 * With n in the hundreds and C in the thousands, this is far smaller than the primal problem.
 */
export interface DualLogisticProblem {
  /** Gram matrix [n, n] of the training rows (row-major, symmetric), bias augmentation included. */
  gram: Float64Array;
  n: number;
  labels: Int32Array;
  /** Positive per-row weights; normalised to sum 1 here. */
  weights: Float64Array | Float32Array;
  classes: number;
  /** λ on ‖W‖² (sum of squares). */
  l2: number;
}

export interface DualSolveOptions {
  /** Maximum majorise-minimise iterations. */
  maxIterations?: number;
  /** Stop when no training logit moves by more than this in an iteration. */
  tolerance?: number;
  /** Newton only: also stop when an iteration lowers the objective by less than this fraction of it. */
  relativeTolerance?: number;
  /** Warm start: coefficients α [n, K] (e.g. the previous click's, with zeros for new rows). */
  init?: Float64Array;
}

export interface DualLogisticSolution {
  /** Coefficients α [n, K]: W = Σ_i α_i x_iᵀ. Centred across classes. */
  alpha: Float64Array;
  /** Logits of the training rows, G α [n, K]. */
  logits: Float64Array;
  iterations: number;
  /** Largest logit change of the last iteration. */
  change: number;
  /** Objective value at the solution. */
  loss: number;
}

/**
 * Solves the dual logistic problem by majorise-minimise with Böhning's fixed bound on the softmax
 * Hessian (Böhning 1992, "Multinomial logistic regression algorithm"): diag(p) - ppᵀ ≤ ½(I - 11ᵀ/K).
 * In the coefficients β = D⁻¹α (D = diag(√s)), every step is
 *   β ← β - A⁻¹ (D (P - Y) + 2λβ),   A = ½ D G D + 2λ I,
 * with A factorised once (its eigenvalues are >= 2λ, so it is well conditioned) and each step a
 * product with G and two triangular solves. The objective decreases monotonically.
 */
export function solveDualLogistic(p: DualLogisticProblem, o: DualSolveOptions = {}): DualLogisticSolution {
  const { n, classes: K, l2, gram: G } = p;
  const maxIt = o.maxIterations ?? 100;
  const tol = o.tolerance ?? 1e-4;
  // Step 1: normalised weights and D = sqrt(s).
  const d = normalisedWeights(p);
  for (let i = 0; i < n; i++) d[i] = Math.sqrt(d[i]);
  // Step 2: A = ½ D G D + 2λ I, factorised.
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      const v = 0.5 * d[i] * G[i * n + j] * d[j];
      a[i * n + j] = v;
      a[j * n + i] = v;
    }
    a[i * n + i] += 2 * l2;
  }
  choleskyInPlace(a, n);
  // Step 3: iterate from the warm start.
  const beta = new Float64Array(n * K);
  if (o.init) {
    if (o.init.length !== n * K) throw new Error(`dual logistic: warm start has ${o.init.length} values, expected ${n}x${K}`);
    for (let i = 0; i < n; i++) for (let k = 0; k < K; k++) beta[i * K + k] = o.init[i * K + k] / d[i];
  }
  const alpha = new Float64Array(n * K);
  const logits = new Float64Array(n * K);
  const prev = new Float64Array(n * K);
  const step = new Float64Array(n * K);
  const prob = new Float64Array(K);
  let it = 0;
  let change = Infinity;
  const forward = (): void => {
    for (let i = 0; i < n; i++) for (let k = 0; k < K; k++) alpha[i * K + k] = d[i] * beta[i * K + k];
    logits.fill(0);
    for (let i = 0; i < n; i++) {
      const gi = i * n;
      for (let j = 0; j < n; j++) {
        const g = G[gi + j];
        for (let k = 0; k < K; k++) logits[i * K + k] += g * alpha[j * K + k];
      }
    }
  };
  forward();
  while (it < maxIt) {
    // gradient in β: D (P - Y) + 2λβ
    for (let i = 0; i < n; i++) {
      softmaxRow(logits, i * K, K, prob);
      for (let k = 0; k < K; k++) step[i * K + k] = d[i] * (prob[k] - (p.labels[i] === k ? 1 : 0)) + 2 * l2 * beta[i * K + k];
    }
    choleskySolveInPlace(a, n, step, K);
    for (let i = 0; i < n * K; i++) beta[i] -= step[i];
    prev.set(logits);
    forward();
    it++;
    change = 0;
    for (let i = 0; i < n * K; i++) change = Math.max(change, Math.abs(logits[i] - prev[i]));
    if (change < tol) break;
  }
  // objective: weighted CE + λ αᵀ G α
  let loss = 0;
  for (let i = 0; i < n; i++) {
    softmaxRow(logits, i * K, K, prob);
    loss -= d[i] * d[i] * Math.log(Math.max(prob[p.labels[i]], 1e-300));
    for (let k = 0; k < K; k++) loss += l2 * alpha[i * K + k] * logits[i * K + k];
  }
  return { alpha, logits, iterations: it, change, loss };
}

/** Checks a problem and returns its weights normalised to sum 1. */
function normalisedWeights(p: DualLogisticProblem): Float64Array {
  const { n, gram: G, l2 } = p;
  if (!Number.isInteger(n) || n < 1) throw new Error(`dual logistic: need at least one row, got ${n}`);
  if (G.length !== n * n) throw new Error(`dual logistic: Gram matrix has ${G.length} values, expected ${n}x${n}`);
  if (p.labels.length < n || p.weights.length < n) throw new Error(`dual logistic: ${p.labels.length} labels and ${p.weights.length} weights for ${n} rows`);
  if (!(l2 > 0)) throw new Error(`dual logistic: l2 must be positive (it keeps the problem strictly convex), got ${l2}`);
  let total = 0;
  for (let i = 0; i < n; i++) {
    if (!(p.weights[i] > 0)) throw new Error(`dual logistic: row ${i} has weight ${p.weights[i]}; weights must be positive`);
    if (!(p.labels[i] >= 0 && p.labels[i] < p.classes)) throw new Error(`dual logistic: row ${i} has class ${p.labels[i]}, expected 0..${p.classes - 1}`);
    total += p.weights[i];
  }
  const s = new Float64Array(n);
  for (let i = 0; i < n; i++) s[i] = p.weights[i] / total;
  return s;
}

function softmaxRow(logits: Float64Array, o: number, K: number, out: Float64Array): void {
  let max = -Infinity;
  for (let k = 0; k < K; k++) max = Math.max(max, logits[o + k]);
  let z = 0;
  for (let k = 0; k < K; k++) { out[k] = Math.exp(logits[o + k] - max); z += out[k]; }
  for (let k = 0; k < K; k++) out[k] /= z;
}

/**
 * Two classes: Newton's method on the equivalent binary problem. With α centred (α₁ = -α₀ = a/2)
 * the logit difference is f = G a and the penalty λ aᵀGa / 2, so with r_i = s_i (σ(f_i) - y_i)
 * the Newton step for a solves (S G + λ I) Δa = r + λ a, S = diag(s_i σ_i (1 - σ_i)); it is
 * solved in its symmetric form (E G E + λ I) z = E⁻¹ (r + λ a), Δa = E z, E = √S, whose
 * eigenvalues are >= λ. Steps are halved until the objective does not increase.
 */
export function solveDualLogisticNewton(p: DualLogisticProblem, o: DualSolveOptions = {}): DualLogisticSolution {
  const { n, l2, gram: G } = p;
  if (p.classes !== 2) throw new Error(`dual logistic (Newton): needs 2 classes, got ${p.classes}`);
  const maxIt = o.maxIterations ?? 30;
  const tol = o.tolerance ?? 1e-4;
  const rtol = o.relativeTolerance ?? 0;
  const s = normalisedWeights(p);
  const lam = l2; // binary: minimise Σ s_i log(1 + exp(-ỹ f_i)) + (λ/2) aᵀ G a
  const a = new Float64Array(n);
  if (o.init) for (let i = 0; i < n; i++) a[i] = o.init[i * 2 + 1] - o.init[i * 2];
  const f = new Float64Array(n);
  const e = new Float64Array(n);
  const m = new Float64Array(n * n);
  const z = new Float64Array(n);
  const matvec = (): void => {
    for (let i = 0; i < n; i++) { let t = 0; const gi = i * n; for (let j = 0; j < n; j++) t += G[gi + j] * a[j]; f[i] = t; }
  };
  const objective = (): number => {
    let v = 0;
    for (let i = 0; i < n; i++) {
      const yf = p.labels[i] === 1 ? f[i] : -f[i];
      v += s[i] * (yf > 0 ? Math.log1p(Math.exp(-yf)) : -yf + Math.log1p(Math.exp(yf)));
      v += 0.5 * lam * a[i] * f[i];
    }
    return v;
  };
  matvec();
  let it = 0;
  let change = Infinity;
  let obj = objective();
  const aOld = new Float64Array(n);
  const fOld = new Float64Array(n);
  while (it < maxIt) {
    // gradient (in the G-preconditioned form) r + λ a, curvature s σ (1 - σ)
    for (let i = 0; i < n; i++) {
      const sig = 1 / (1 + Math.exp(-f[i]));
      e[i] = Math.sqrt(Math.max(s[i] * sig * (1 - sig), 1e-18));
      z[i] = (s[i] * (sig - (p.labels[i] === 1 ? 1 : 0)) + lam * a[i]) / e[i];
    }
    for (let i = 0; i < n; i++) {
      for (let j = 0; j <= i; j++) { const v = e[i] * G[i * n + j] * e[j]; m[i * n + j] = v; m[j * n + i] = v; }
      m[i * n + i] += lam;
    }
    choleskyInPlace(m, n);
    choleskySolveInPlace(m, n, z, 1);
    aOld.set(a); fOld.set(f);
    // damped step: halve until the objective does not increase
    let t = 1;
    const before = obj;
    for (;;) {
      for (let i = 0; i < n; i++) a[i] = aOld[i] - t * e[i] * z[i];
      matvec();
      const next = objective();
      if (next <= obj + 1e-12 || t < 1e-4) { obj = next; break; }
      t *= 0.5;
    }
    it++;
    change = 0;
    for (let i = 0; i < n; i++) change = Math.max(change, Math.abs(f[i] - fOld[i]));
    if (change < tol || before - obj <= rtol * obj) break;
  }
  const alpha = new Float64Array(n * 2);
  const logits = new Float64Array(n * 2);
  for (let i = 0; i < n; i++) {
    alpha[i * 2 + 1] = a[i] / 2; alpha[i * 2] = -a[i] / 2;
    logits[i * 2 + 1] = f[i] / 2; logits[i * 2] = -f[i] / 2;
  }
  return { alpha, logits, iterations: it, change, loss: obj };
}
