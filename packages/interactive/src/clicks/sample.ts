import type { FeatureGrid } from '../features/feature-grid';
import type { Click } from './click';

/** Grid coordinates of an image point: `x·w_feat/w_img` (cell centres at half-integers). */
export function projectToGrid(grid: FeatureGrid, x: number, y: number): [number, number] {
  return [((x + 0.5) * grid.width) / grid.imageWidth - 0.5, ((y + 0.5) * grid.height) / grid.imageHeight - 0.5];
}

/** Bilinearly samples the feature vector at grid coordinates (gx, gy), clamped to the grid. */
export function sampleBilinear(grid: FeatureGrid, gx: number, gy: number, out: Float32Array, offset = 0): void {
  const { width: w, height: h, channels: c, data } = grid;
  const x = Math.min(Math.max(gx, 0), w - 1);
  const y = Math.min(Math.max(gy, 0), h - 1);
  const x0 = Math.floor(x), y0 = Math.floor(y);
  const x1 = Math.min(x0 + 1, w - 1), y1 = Math.min(y0 + 1, h - 1);
  const fx = x - x0, fy = y - y0;
  const w00 = (1 - fx) * (1 - fy), w01 = fx * (1 - fy), w10 = (1 - fx) * fy, w11 = fx * fy;
  const o00 = (y0 * w + x0) * c, o01 = (y0 * w + x1) * c, o10 = (y1 * w + x0) * c, o11 = (y1 * w + x1) * c;
  for (let k = 0; k < c; k++) {
    out[offset + k] = w00 * data[o00 + k] + w01 * data[o01 + k] + w10 * data[o10 + k] + w11 * data[o11 + k];
  }
}

export interface TrainingSet {
  /** [n, channels] feature rows. */
  features: Float32Array;
  /** Class per row. */
  labels: Int32Array;
  /** Per-row weight (clicks 1; stand-in negatives smaller). */
  weights: Float32Array;
  count: number;
}

export interface SampleOptions {
  /** Radius in grid cells of the disc of cells each click contributes (0 = the click point only). */
  discRadius?: number;
  /**
   * Border cells as stand-in background samples, with this total weight relative to one click
   * (0 disables). With only positive clicks there are no negatives at all; methods.md found that
   * keeping them after real negatives arrive also helps.
   */
  borderWeight?: number;
  /** Class used for the stand-in border samples. */
  backgroundLabel?: number;
  /** Rescale weights so that every class present has the same total weight (sklearn's 'balanced'). */
  balanceClasses?: boolean;
}

/** Builds the classifier's training rows from clicks (projected and bilinearly sampled). */
export function clickSamples(grid: FeatureGrid, clicks: readonly Click[], options: SampleOptions = {}): TrainingSet {
  const r = options.discRadius ?? 1;
  const borderWeight = options.borderWeight ?? 1;
  const points: { gx: number; gy: number; label: number; weight: number }[] = [];
  for (const click of clicks) {
    const [gx, gy] = projectToGrid(grid, click.x, click.y);
    const disc: [number, number][] = [];
    for (let dy = -r; dy <= r; dy++) for (let dx = -r; dx <= r; dx++) if (dx * dx + dy * dy <= r * r) disc.push([dx, dy]);
    for (const [dx, dy] of disc) {
      const x = gx + dx, y = gy + dy;
      if (x < -0.5 || y < -0.5 || x > grid.width - 0.5 || y > grid.height - 0.5) continue;
      // the click itself counts fully; its disc neighbours share one click's weight
      points.push({ gx: x, gy: y, label: click.label, weight: dx === 0 && dy === 0 ? 1 : 1 / disc.length });
    }
  }
  if (borderWeight > 0) {
    const border: [number, number][] = [];
    for (let x = 0; x < grid.width; x++) border.push([x, 0], [x, grid.height - 1]);
    for (let y = 1; y < grid.height - 1; y++) border.push([0, y], [grid.width - 1, y]);
    const w = borderWeight / border.length;
    for (const [x, y] of border) points.push({ gx: x, gy: y, label: options.backgroundLabel ?? 0, weight: w });
  }
  const c = grid.channels;
  const features = new Float32Array(points.length * c);
  const labels = new Int32Array(points.length);
  const weights = new Float32Array(points.length);
  points.forEach((p, i) => {
    sampleBilinear(grid, p.gx, p.gy, features, i * c);
    labels[i] = p.label;
    weights[i] = p.weight;
  });
  if (options.balanceClasses ?? true) {
    const totals = new Map<number, number>();
    for (let i = 0; i < labels.length; i++) totals.set(labels[i], (totals.get(labels[i]) ?? 0) + weights[i]);
    for (let i = 0; i < labels.length; i++) weights[i] /= totals.get(labels[i])!;
  }
  return { features, labels, weights, count: points.length };
}
