import type { SparseRows } from '../clicks/rows';
import type { FeatureGrid } from '../features/feature-grid';
import { CellGram } from './cell-gram';
import type { CellProducts } from './products';
import { DualLogisticSolution, solveDualLogistic, solveDualLogisticNewton } from './dual-logistic';

export interface DualClassifierOptions {
  classes?: number;
  /** λ on ‖W‖² added to the weighted-mean cross-entropy (default 0.1). */
  l2?: number;
  /**
   * The bias is a constant feature of this value (penalised by λ b² / scale²): large enough that
   * the bias is practically free, as in scikit-learn, small enough to keep the Gram matrix tame.
   */
  biasScale?: number;
  /** Solver iterations (Newton for two classes, majorise-minimise for more) and stopping tolerance on the logits. */
  maxIterations?: number;
  tolerance?: number;
  /** Two classes: also stop when a Newton step lowers the objective by less than this fraction (default 1e-3). */
  relativeTolerance?: number;
  /** Start from the previous fit's coefficients of the rows still present (default false: see fit()). */
  warmStart?: boolean;
}

export interface DualFit {
  iterations: number;
  loss: number;
  rows: number;
}

/**
 * Method 5's per-click classifier: an L2 logistic regression on the feature grid, solved exactly
 * in the span of its training rows (see dual-logistic.ts). The dot products of grid cells are
 * cached per image (CellGram), the solver is warm-started from the previous click's coefficients
 * of the rows that are still there (so removing a click is as cheap as adding one), and a dense
 * prediction is one weight vector per class dotted with every grid cell.
 */
export class DualClassifier {
  readonly classes: number;
  private readonly gram: CellGram;
  private readonly l2: number;
  private readonly bias2: number;
  private solution: DualLogisticSolution | null = null;
  private rows: SparseRows | null = null;
  private warm = new Map<string, Float64Array>();

  constructor(readonly grid: FeatureGrid, private readonly engine: CellProducts, private readonly o: DualClassifierOptions = {}) {
    this.classes = o.classes ?? 2;
    if (!Number.isInteger(this.classes) || this.classes < 2) throw new Error(`classes must be an integer >= 2, got ${this.classes}`);
    this.l2 = o.l2 ?? 0.1;
    if (!(this.l2 > 0)) throw new Error(`l2 must be positive, got ${this.l2}`);
    this.bias2 = (o.biasScale ?? 10) ** 2;
    this.gram = new CellGram(grid, engine);
  }

  private static key(rows: SparseRows, i: number): string {
    return `${rows.gx[i]},${rows.gy[i]},${rows.labels[i]}`;
  }

  /** Fits the rows (the whole click list's rows: the solution depends on them only). */
  async fit(rows: SparseRows): Promise<DualFit> {
    const n = rows.count;
    const K = this.classes;
    if (n === 0) throw new Error('dual classifier: no training rows (add a click)');
    for (let i = 0; i < n; i++) {
      if (rows.labels[i] < 0 || rows.labels[i] >= K) throw new Error(`row ${i} has class ${rows.labels[i]}; the classifier has ${K} classes`);
    }
    const G = await this.gram.rowGram(rows, this.bias2);
    // warm start from the coefficients of rows seen at the previous fit
    const init = new Float64Array(n * K);
    let any = false;
    for (let i = 0; i < n; i++) {
      const a = this.warm.get(DualClassifier.key(rows, i));
      if (a) { init.set(a, i * K); any = true; }
    }
    const problem = { gram: G, n, labels: rows.labels, weights: rows.weights, classes: K, l2: this.l2 };
    const opts = { init: any && (this.o.warmStart ?? false) ? init : undefined, tolerance: this.o.tolerance ?? 1e-3 };
    const sol = K === 2
      ? solveDualLogisticNewton(problem, { ...opts, maxIterations: this.o.maxIterations ?? 30, relativeTolerance: this.o.relativeTolerance ?? 1e-3 })
      : solveDualLogistic(problem, { ...opts, maxIterations: this.o.maxIterations ?? 500 });
    this.solution = sol;
    this.rows = rows;
    this.warm = new Map();
    for (let i = 0; i < n; i++) this.warm.set(DualClassifier.key(rows, i), sol.alpha.slice(i * K, (i + 1) * K));
    return { iterations: sol.iterations, loss: sol.loss, rows: n };
  }

  /** Forgets the fitted coefficients (the cell products of the image stay cached). */
  reset(): void {
    this.solution = null;
    this.rows = null;
    this.warm = new Map();
  }

  /**
   * Weight vectors and biases in feature space: W_k = Σ_i α_ik x_i. With two classes only the
   * difference W₁ - W₀ is returned (`classes` = 1), which is all a two-class prediction needs.
   */
  weights(): { w: Float32Array; bias: Float64Array; vectors: number } {
    const sol = this.solution, rows = this.rows;
    if (!sol || !rows) throw new Error('dual classifier: fit() before predicting');
    const K = this.classes;
    const V = K === 2 ? 1 : K;
    const { width, height, channels: C, data } = this.grid;
    // coefficient of every grid cell per vector, then one pass over the touched cells
    const u = new Float64Array(width * height * V);
    const bias = new Float64Array(V);
    for (let i = 0; i < rows.count; i++) {
      for (let v = 0; v < V; v++) {
        const a = K === 2 ? sol.alpha[i * 2 + 1] - sol.alpha[i * 2] : sol.alpha[i * K + v];
        bias[v] += a * this.bias2;
        for (let p = 0; p < 4; p++) u[rows.cells[4 * i + p] * V + v] += a * rows.coefs[4 * i + p];
      }
    }
    const w = new Float32Array(V * C);
    const acc = new Float64Array(C);
    for (let v = 0; v < V; v++) {
      acc.fill(0);
      for (let cell = 0; cell < width * height; cell++) {
        const a = u[cell * V + v];
        if (a === 0) continue;
        const o = cell * C;
        for (let c = 0; c < C; c++) acc[c] += a * data[o + c];
      }
      for (let c = 0; c < C; c++) w[v * C + c] = acc[c];
    }
    return { w, bias, vectors: V };
  }

  /** Class probabilities of every grid cell, [h*w, K] (softmax of the logits). */
  async predictGrid(): Promise<Float32Array> {
    const { w, bias, vectors: V } = this.weights();
    const n = this.grid.width * this.grid.height;
    const K = this.classes;
    const f = await this.engine.project(this.grid, w, V);
    const out = new Float32Array(n * K);
    const logits = new Float64Array(K);
    for (let i = 0; i < n; i++) {
      if (K === 2) {
        const p1 = 1 / (1 + Math.exp(-(bias[0] + f[i])));
        out[2 * i] = 1 - p1;
        out[2 * i + 1] = p1;
        continue;
      }
      let max = -Infinity;
      for (let k = 0; k < K; k++) { logits[k] = bias[k] + f[i * K + k]; if (logits[k] > max) max = logits[k]; }
      let z = 0;
      for (let k = 0; k < K; k++) { logits[k] = Math.exp(logits[k] - max); z += logits[k]; }
      for (let k = 0; k < K; k++) out[i * K + k] = logits[k] / z;
    }
    return out;
  }
}
