import { Rng } from '@seg/tensor';
import { choleskyInPlace, choleskyInverse, choleskySolveInPlace } from './linalg';
import { solveDualLogistic, solveDualLogisticNewton } from './dual-logistic';

/** A random problem: rows [n, C] around class centres, labels, positive weights. */
function problem(rng: Rng, n: number, C: number, K: number) {
  const centres = Array.from({ length: K }, () => Array.from({ length: C }, () => rng.normal(0, 1.5)));
  const x = new Float64Array(n * C);
  const labels = new Int32Array(n);
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    labels[i] = i % K;
    weights[i] = 0.5 + rng.uniform();
    for (let c = 0; c < C; c++) x[i * C + c] = centres[labels[i]][c] + rng.normal(0, 1.2);
  }
  return { x, labels, weights };
}

/** Gram matrix with the bias folded in as a constant feature `bias`. */
function gram(x: Float64Array, n: number, C: number, bias: number): Float64Array {
  const g = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
    let s = bias * bias;
    for (let c = 0; c < C; c++) s += x[i * C + c] * x[j * C + c];
    g[i * n + j] = s;
  }
  return g;
}

/**
 * Gradient of the PRIMAL objective Σ s_i CE(W x_i + b) + λ ‖W‖² (s normalised) at the W and b
 * the dual coefficients stand for; zero at the optimum. Returns its max-abs entry.
 */
function primalGradient(alpha: Float64Array, x: Float64Array, labels: Int32Array, weights: Float64Array, n: number, C: number, K: number, l2: number, bias: number): number {
  const W = new Float64Array(C * K);
  const b = new Float64Array(K);
  for (let i = 0; i < n; i++) for (let k = 0; k < K; k++) {
    b[k] += alpha[i * K + k] * bias * bias;
    for (let c = 0; c < C; c++) W[c * K + k] += alpha[i * K + k] * x[i * C + c];
  }
  const total = weights.reduce((a, v) => a + v, 0);
  const gW = new Float64Array(C * K);
  const gb = new Float64Array(K);
  for (let c = 0; c < C * K; c++) gW[c] = 2 * l2 * W[c];
  for (let k = 0; k < K; k++) gb[k] = 2 * l2 * b[k] / (bias * bias); // the bias' own (tiny) penalty
  for (let i = 0; i < n; i++) {
    const f = new Float64Array(K);
    for (let k = 0; k < K; k++) { f[k] = b[k]; for (let c = 0; c < C; c++) f[k] += W[c * K + k] * x[i * C + c]; }
    const m = Math.max(...f);
    const e = f.map((v) => Math.exp(v - m));
    const z = e.reduce((a, v) => a + v, 0);
    for (let k = 0; k < K; k++) {
      const r = (weights[i] / total) * (e[k] / z - (labels[i] === k ? 1 : 0));
      gb[k] += r;
      for (let c = 0; c < C; c++) gW[c * K + k] += r * x[i * C + c];
    }
  }
  let worst = 0;
  for (const v of gW) worst = Math.max(worst, Math.abs(v));
  for (const v of gb) worst = Math.max(worst, Math.abs(v));
  return worst;
}

describe('linear algebra', () => {
  it('Cholesky solves and inverts an SPD matrix', () => {
    const rng = new Rng(5);
    const n = 7;
    const m = new Float64Array(n * n);
    const r = Array.from({ length: n * n }, () => rng.normal());
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) { let s = i === j ? 0.5 : 0; for (let k = 0; k < n; k++) s += r[i * n + k] * r[j * n + k]; m[i * n + j] = s; }
    const l = m.slice();
    choleskyInPlace(l, n);
    const inv = choleskyInverse(l, n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += m[i * n + k] * inv[k * n + j];
      expect(s).toBeCloseTo(i === j ? 1 : 0, 8);
    }
    const b = Float64Array.from({ length: n * 2 }, (_, i) => i - 3);
    const x = b.slice();
    choleskySolveInPlace(l, n, x, 2);
    for (let i = 0; i < n; i++) for (let c = 0; c < 2; c++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += m[i * n + k] * x[k * 2 + c];
      expect(s).toBeCloseTo(b[i * 2 + c], 8);
    }
    expect(() => choleskyInPlace(Float64Array.from([1, 2, 2, 1]), 2)).toThrow(/not positive definite/);
  });
});

describe('dual logistic regression', () => {
  it('two classes: Newton reaches the primal optimum (zero gradient), cold or warm-started', () => {
    const rng = new Rng(11);
    const n = 40, C = 6, K = 2, l2 = 0.05, bias = 10;
    const { x, labels, weights } = problem(rng, n, C, K);
    const g = gram(x, n, C, bias);
    const p = { gram: g, n, labels, weights, classes: K, l2 };
    const cold = solveDualLogisticNewton(p, { tolerance: 1e-10 });
    expect(primalGradient(cold.alpha, x, labels, weights, n, C, K, l2, bias)).toBeLessThan(1e-7);
    // alpha is centred across classes, and the logits are G alpha
    for (let i = 0; i < n; i++) expect(cold.alpha[2 * i] + cold.alpha[2 * i + 1]).toBeCloseTo(0, 12);
    const warm = solveDualLogisticNewton(p, { tolerance: 1e-10, init: cold.alpha.map((v) => v * 0.9) });
    expect(warm.iterations).toBeLessThan(cold.iterations);
    expect(warm.loss).toBeCloseTo(cold.loss, 10);
  });

  it('the majorise-minimise solver agrees with Newton on two classes and solves K = 3', () => {
    const rng = new Rng(12);
    const n = 30, C = 5, l2 = 0.1, bias = 5;
    const two = problem(rng, n, C, 2);
    const p2 = { gram: gram(two.x, n, C, bias), n, labels: two.labels, weights: two.weights, classes: 2, l2 };
    const newton = solveDualLogisticNewton(p2, { tolerance: 1e-10 });
    const mm = solveDualLogistic(p2, { tolerance: 1e-10, maxIterations: 20000 });
    expect(mm.loss).toBeCloseTo(newton.loss, 8);
    for (let i = 0; i < 2 * n; i++) expect(mm.logits[i]).toBeCloseTo(newton.logits[i], 4);
    const three = problem(rng, n, C, 3);
    const p3 = { gram: gram(three.x, n, C, bias), n, labels: three.labels, weights: three.weights, classes: 3, l2 };
    const sol = solveDualLogistic(p3, { tolerance: 1e-9, maxIterations: 20000 });
    expect(primalGradient(sol.alpha, three.x, three.labels, three.weights, n, C, 3, l2, bias)).toBeLessThan(1e-6);
  });

  it('names bad inputs', () => {
    const p = { gram: new Float64Array(4), n: 2, labels: Int32Array.from([0, 1]), weights: Float64Array.from([1, 0]), classes: 2, l2: 0.1 };
    expect(() => solveDualLogisticNewton(p)).toThrow(/row 1 has weight 0; weights must be positive/);
    expect(() => solveDualLogistic({ ...p, weights: Float64Array.from([1, 1]), l2: 0 })).toThrow(/l2 must be positive/);
    expect(() => solveDualLogistic({ ...p, gram: new Float64Array(3) })).toThrow(/Gram matrix has 3 values, expected 2x2/);
  });
});
