/**
 * Per-column z-scores of vertex feature matrices ([N, C] row-major). Method 1's reference runs
 * found standardising vertex features across the training set and within each tile both helped.
 */
export interface ColumnStats {
  mean: Float64Array;
  std: Float64Array;
}

/** Mean and (population) standard deviation of each column. */
export function columnStats(x: Float32Array, rows: number, cols: number): ColumnStats {
  const acc = new ColumnStatsAccumulator(cols);
  acc.add(x, rows);
  return acc.stats();
}

/**
 * Accumulates column statistics over many matrices (e.g. every tile of a training set) in float64
 * with Chan's parallel update, so the order and number of batches do not change the result.
 */
export class ColumnStatsAccumulator {
  private n = 0;
  private readonly mean: Float64Array;
  private readonly m2: Float64Array;

  constructor(readonly cols: number) {
    if (!Number.isInteger(cols) || cols < 1) throw new Error(`ColumnStatsAccumulator: cols must be a positive integer, got ${cols}`);
    this.mean = new Float64Array(cols);
    this.m2 = new Float64Array(cols);
  }

  /** Adds the rows of an [rows, cols] matrix. */
  add(x: Float32Array, rows: number): this {
    const C = this.cols;
    if (x.length !== rows * C) throw new Error(`ColumnStatsAccumulator.add: expected ${rows} x ${C} = ${rows * C} values, got ${x.length}`);
    if (rows === 0) return this;
    const bm = new Float64Array(C);
    for (let r = 0; r < rows; r++) for (let c = 0; c < C; c++) bm[c] += x[r * C + c];
    for (let c = 0; c < C; c++) bm[c] /= rows;
    const bm2 = new Float64Array(C);
    for (let r = 0; r < rows; r++) for (let c = 0; c < C; c++) { const d = x[r * C + c] - bm[c]; bm2[c] += d * d; }
    const n = this.n + rows;
    for (let c = 0; c < C; c++) {
      const delta = bm[c] - this.mean[c];
      this.mean[c] += (delta * rows) / n;
      this.m2[c] += bm2[c] + (delta * delta * this.n * rows) / n;
    }
    this.n = n;
    return this;
  }

  get count(): number { return this.n; }

  stats(): ColumnStats {
    if (this.n === 0) throw new Error('ColumnStatsAccumulator: no rows added');
    const std = new Float64Array(this.cols);
    for (let c = 0; c < this.cols; c++) std[c] = Math.sqrt(this.m2[c] / this.n);
    return { mean: this.mean.slice(), std };
  }
}

/**
 * (x - mean) / std per column, as a new matrix; a column with std below `eps` is only centred
 * (it carries no information, and dividing would blow up rounding noise).
 */
export function standardizeColumns(x: Float32Array, rows: number, cols: number, stats: ColumnStats = columnStats(x, rows, cols), eps = 1e-8): Float32Array {
  if (x.length !== rows * cols) throw new Error(`standardizeColumns: expected ${rows} x ${cols} = ${rows * cols} values, got ${x.length}`);
  if (stats.mean.length !== cols || stats.std.length !== cols) {
    throw new Error(`standardizeColumns: stats have ${stats.mean.length} columns, the matrix has ${cols}`);
  }
  const out = new Float32Array(x.length);
  const inv = new Float64Array(cols);
  for (let c = 0; c < cols; c++) inv[c] = stats.std[c] > eps ? 1 / stats.std[c] : 1;
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[r * cols + c] = (x[r * cols + c] - stats.mean[c]) * inv[c];
  return out;
}

/** Column-wise concatenation of two [rows, a] and [rows, b] matrices. */
export function concatColumns(x: Float32Array, a: number, y: Float32Array, b: number, rows: number): Float32Array {
  if (x.length !== rows * a || y.length !== rows * b) throw new Error(`concatColumns: expected ${rows} x ${a} and ${rows} x ${b}, got ${x.length} and ${y.length} values`);
  const out = new Float32Array(rows * (a + b));
  for (let r = 0; r < rows; r++) {
    out.set(x.subarray(r * a, (r + 1) * a), r * (a + b));
    out.set(y.subarray(r * b, (r + 1) * b), r * (a + b) + a);
  }
  return out;
}
