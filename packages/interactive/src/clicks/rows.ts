import type { FeatureGrid } from '../features/feature-grid';
import type { Click } from './click';
import { projectToGrid } from './sample';

/**
 * The classifier's training rows in sparse form: each row is a bilinear sample of the feature
 * grid, i.e. up to four grid cells with interpolation coefficients. Keeping rows as cell
 * combinations lets the per-click solver reuse dot products of cells across clicks (CellGram)
 * instead of touching C-dimensional vectors again.
 */
export interface SparseRows {
  count: number;
  /** Four cell indices per row (y * width + x); unused corners repeat a cell with coefficient 0. */
  cells: Int32Array;
  /** Four bilinear coefficients per row, summing to 1. */
  coefs: Float32Array;
  labels: Int32Array;
  /** Per-row weight (after class balancing when asked). */
  weights: Float32Array;
  /** Grid coordinates of each row (cell centres at integers). */
  gx: Float32Array;
  gy: Float32Array;
  /** Index of the click a row comes from; -1 for border stand-ins. */
  source: Int32Array;
}

export interface RowOptions {
  /** Radius in grid cells of the disc of cells each click contributes (0 = the click point only). */
  discRadius?: number;
  /**
   * Border cells as stand-in background samples, with this total weight relative to one click
   * (0 disables). With only positive clicks there are no negatives at all; methods.md found that
   * keeping them after real negatives arrive also helps.
   */
  borderWeight?: number;
  /** Take every n-th border cell (1 = all): fewer rows make the per-click solve cheaper. */
  borderStride?: number;
  /** Keep the border stand-ins once a real background click exists (default true; methods.md: ~2 clicks better at NoC@90). */
  keepBorder?: boolean;
  /** Class used for the stand-in border samples. */
  backgroundLabel?: number;
  /** Rescale weights so that every class present has the same total weight (sklearn's 'balanced'). */
  balanceClasses?: boolean;
}

/** Offsets (dx, dy) of the disc of radius r, centre first. */
export function discOffsets(r: number): [number, number][] {
  if (!Number.isInteger(r) || r < 0) throw new Error(`discRadius must be a non-negative integer, got ${r}`);
  const out: [number, number][] = [];
  for (let dy = -r; dy <= r; dy++) for (let dx = -r; dx <= r; dx++) if (dx * dx + dy * dy <= r * r) out.push([dx, dy]);
  // raster order keeps clickSamples' historical row order; the centre's position is found by value
  return out;
}

/** Cells and bilinear coefficients of grid point (gx, gy), clamped to the grid, as sampleBilinear reads them. */
export function bilinearCells(grid: FeatureGrid, gx: number, gy: number, cells: Int32Array, coefs: Float32Array, o: number): void {
  const { width: w, height: h } = grid;
  const x = Math.min(Math.max(gx, 0), w - 1);
  const y = Math.min(Math.max(gy, 0), h - 1);
  const x0 = Math.floor(x), y0 = Math.floor(y);
  const x1 = Math.min(x0 + 1, w - 1), y1 = Math.min(y0 + 1, h - 1);
  const fx = x - x0, fy = y - y0;
  cells[o] = y0 * w + x0; coefs[o] = (1 - fx) * (1 - fy);
  cells[o + 1] = y0 * w + x1; coefs[o + 1] = fx * (1 - fy);
  cells[o + 2] = y1 * w + x0; coefs[o + 2] = (1 - fx) * fy;
  cells[o + 3] = y1 * w + x1; coefs[o + 3] = fx * fy;
}

/** Builds the training rows of a click list: a disc of samples per click, then border stand-ins. */
export function clickRows(grid: FeatureGrid, clicks: readonly Click[], options: RowOptions = {}): SparseRows {
  const r = options.discRadius ?? 1;
  const borderWeight = options.borderWeight ?? 1;
  const borderStride = options.borderStride ?? 1;
  if (!Number.isInteger(borderStride) || borderStride < 1) throw new Error(`borderStride must be a positive integer, got ${borderStride}`);
  if (!(borderWeight >= 0)) throw new Error(`borderWeight must be >= 0, got ${borderWeight}`);
  const disc = discOffsets(r);
  const gx: number[] = [], gy: number[] = [], labels: number[] = [], weights: number[] = [], source: number[] = [];
  clicks.forEach((click, ci) => {
    const [cx, cy] = projectToGrid(grid, click.x, click.y);
    for (const [dx, dy] of disc) {
      const x = cx + dx, y = cy + dy;
      if (x < -0.5 || y < -0.5 || x > grid.width - 0.5 || y > grid.height - 0.5) continue;
      // the click itself counts fully; its disc neighbours share one click's weight
      gx.push(x); gy.push(y); labels.push(click.label); source.push(ci);
      weights.push(dx === 0 && dy === 0 ? 1 : 1 / disc.length);
    }
  });
  const background = options.backgroundLabel ?? 0;
  const hasNegative = clicks.some((c) => c.label === background);
  if (borderWeight > 0 && ((options.keepBorder ?? true) || !hasNegative)) {
    const border: [number, number][] = [];
    for (let x = 0; x < grid.width; x++) border.push([x, 0], [x, grid.height - 1]);
    for (let y = 1; y < grid.height - 1; y++) border.push([0, y], [grid.width - 1, y]);
    const kept = border.filter((_, i) => i % borderStride === 0);
    const w = borderWeight / kept.length;
    for (const [x, y] of kept) { gx.push(x); gy.push(y); labels.push(background); weights.push(w); source.push(-1); }
  }
  const n = gx.length;
  const rows: SparseRows = {
    count: n, cells: new Int32Array(4 * n), coefs: new Float32Array(4 * n),
    labels: Int32Array.from(labels), weights: Float32Array.from(weights),
    gx: Float32Array.from(gx), gy: Float32Array.from(gy), source: Int32Array.from(source),
  };
  for (let i = 0; i < n; i++) bilinearCells(grid, gx[i], gy[i], rows.cells, rows.coefs, 4 * i);
  if (options.balanceClasses ?? true) {
    const totals = new Map<number, number>();
    for (let i = 0; i < n; i++) totals.set(rows.labels[i], (totals.get(rows.labels[i]) ?? 0) + rows.weights[i]);
    for (let i = 0; i < n; i++) rows.weights[i] /= totals.get(rows.labels[i])!;
  }
  return rows;
}

/** Dense feature rows [n, C] of sparse rows (what a primal solver consumes). */
export function denseRows(grid: FeatureGrid, rows: SparseRows): Float32Array {
  const c = grid.channels;
  const out = new Float32Array(rows.count * c);
  for (let i = 0; i < rows.count; i++) {
    const o = i * c;
    for (let k = 0; k < 4; k++) {
      const coef = rows.coefs[4 * i + k];
      if (coef === 0) continue;
      const src = rows.cells[4 * i + k] * c;
      for (let ch = 0; ch < c; ch++) out[o + ch] += coef * grid.data[src + ch];
    }
  }
  return out;
}
