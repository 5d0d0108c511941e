import { boxCount, Boxes } from './boxes';

/**
 * Overlap modes, as in mmdetection's bbox_overlaps: 'iou' = |A∩B| / |A∪B|, 'iof' = |A∩B| / |A|
 * (intersection over the first box's area: "foreground" coverage, used to ignore crowd regions).
 */
export type OverlapMode = 'iou' | 'iof';

export interface OverlapOptions {
  mode?: OverlapMode;
  /** Lower bound on the denominator so that degenerate boxes give 0, not NaN (mmdetection: 1e-6). */
  eps?: number;
  /** Reusable output of length N*M. */
  out?: Float32Array;
}

/**
 * Pairwise overlaps of boxes `a` [N,4] with `b` [M,4], returned row-major as an N x M matrix:
 * out[i*M + j] = overlap(a_i, b_j).
 */
export function boxIou(a: Boxes, b: Boxes, options: OverlapOptions = {}): Float32Array {
  const n = boxCount(a, 'boxes a');
  const m = boxCount(b, 'boxes b');
  const mode = options.mode ?? 'iou';
  if (mode !== 'iou' && mode !== 'iof') throw new Error(`boxIou: unknown mode '${mode as string}', expected 'iou' or 'iof'`);
  const eps = options.eps ?? 1e-6;
  const out = options.out ?? new Float32Array(n * m);
  if (out.length < n * m) throw new Error(`boxIou: output holds ${out.length} values, need ${n} x ${m} = ${n * m}`);
  // Areas of b once, so the inner loop is pure arithmetic.
  const areaB = new Float64Array(m);
  for (let j = 0; j < m; j++) areaB[j] = (b[j * 4 + 2] - b[j * 4]) * (b[j * 4 + 3] - b[j * 4 + 1]);
  const iof = mode === 'iof';
  for (let i = 0; i < n; i++) {
    const ax1 = a[i * 4], ay1 = a[i * 4 + 1], ax2 = a[i * 4 + 2], ay2 = a[i * 4 + 3];
    const areaA = (ax2 - ax1) * (ay2 - ay1);
    const row = i * m;
    for (let j = 0; j < m; j++) {
      const o = j * 4;
      const w = Math.min(ax2, b[o + 2]) - Math.max(ax1, b[o]);
      const h = Math.min(ay2, b[o + 3]) - Math.max(ay1, b[o + 1]);
      if (w <= 0 || h <= 0) { out[row + j] = 0; continue; }
      const inter = w * h;
      const denom = iof ? areaA : areaA + areaB[j] - inter;
      out[row + j] = inter / Math.max(denom, eps);
    }
  }
  return out;
}

/** Overlap of a_i with b_i for every i (both [N,4]): the "aligned" mode of bbox_overlaps. */
export function alignedBoxIou(a: Boxes, b: Boxes, options: OverlapOptions = {}): Float32Array {
  const n = boxCount(a, 'boxes a');
  const m = boxCount(b, 'boxes b');
  if (n !== m) throw new Error(`alignedBoxIou: ${n} boxes in a but ${m} in b; aligned overlaps need equal counts`);
  const mode = options.mode ?? 'iou';
  const eps = options.eps ?? 1e-6;
  const out = options.out ?? new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const o = i * 4;
    const areaA = (a[o + 2] - a[o]) * (a[o + 3] - a[o + 1]);
    const areaB = (b[o + 2] - b[o]) * (b[o + 3] - b[o + 1]);
    const w = Math.min(a[o + 2], b[o + 2]) - Math.max(a[o], b[o]);
    const h = Math.min(a[o + 3], b[o + 3]) - Math.max(a[o + 1], b[o + 1]);
    const inter = w > 0 && h > 0 ? w * h : 0;
    const denom = mode === 'iof' ? areaA : areaA + areaB - inter;
    out[i] = inter / Math.max(denom, eps);
  }
  return out;
}
