import { boxCount, Boxes } from '../boxes/boxes';

export interface NmsOptions {
  /** A box is suppressed by a higher-scoring kept box when their IoU is strictly above this. */
  iouThreshold: number;
  /** Boxes scoring at or below this are dropped first (default: keep all). */
  scoreThreshold?: number;
  /** At most this many boxes are returned (default: all survivors). */
  maxOutputs?: number;
}

/**
 * Greedy non-maximum suppression: visit boxes by descending score (ties by index), keep a box unless
 * a kept box overlaps it with IoU > iouThreshold. Returns kept indices in descending score order.
 */
export function nms(boxes: Boxes | Float64Array, scores: ArrayLike<number>, options: NmsOptions): Int32Array {
  const n = boxCount(boxes);
  if (scores.length !== n) throw new Error(`nms: ${scores.length} scores for ${n} boxes`);
  const thr = options.iouThreshold;
  if (!(thr >= 0 && thr <= 1)) throw new Error(`nms: iouThreshold must be in [0, 1], got ${thr}`);
  const scoreThr = options.scoreThreshold ?? -Infinity;
  const maxOut = options.maxOutputs ?? n;
  if (!(maxOut >= 0)) throw new Error(`nms: maxOutputs must be >= 0, got ${maxOut}`);

  // Step 1: candidates above the score threshold, by descending score (stable).
  let m = 0;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const s = scores[i];
    if (Number.isNaN(s)) throw new Error(`nms: score ${i} is NaN`);
    if (s > scoreThr) order[m++] = i;
  }
  const cand = order.subarray(0, m).sort((a, b) => (scores[b] - scores[a]) || (a - b));

  // Step 2: greedy suppression; coordinates copied in rank order so the inner loop reads memory
  // sequentially.
  const x1 = new Float64Array(m), y1 = new Float64Array(m), x2 = new Float64Array(m), y2 = new Float64Array(m), area = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    const o = cand[k] * 4;
    x1[k] = boxes[o]; y1[k] = boxes[o + 1]; x2[k] = boxes[o + 2]; y2[k] = boxes[o + 3];
    area[k] = (x2[k] - x1[k]) * (y2[k] - y1[k]);
  }
  const suppressed = new Uint8Array(m);
  const keep = new Int32Array(Math.min(m, maxOut));
  let kept = 0;
  for (let a = 0; a < m && kept < maxOut; a++) {
    if (suppressed[a]) continue;
    keep[kept++] = cand[a];
    const ax1 = x1[a], ay1 = y1[a], ax2 = x2[a], ay2 = y2[a], aa = area[a];
    for (let b = a + 1; b < m; b++) {
      if (suppressed[b]) continue;
      const w = Math.min(ax2, x2[b]) - Math.max(ax1, x1[b]);
      if (w <= 0) continue;
      const h = Math.min(ay2, y2[b]) - Math.max(ay1, y1[b]);
      if (h <= 0) continue;
      const inter = w * h;
      const union = aa + area[b] - inter;
      if (union > 0 && inter / union > thr) suppressed[b] = 1;
    }
  }
  return keep.slice(0, kept);
}
