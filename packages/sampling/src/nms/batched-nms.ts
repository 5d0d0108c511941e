import { boxCount, Boxes } from '../boxes/boxes';
import { nms, NmsOptions } from './nms';

/**
 * Class-aware NMS in one pass (mmcv's batched_nms): every box is shifted by
 * classIndex * (coordinate span + 1), so boxes of different classes can never overlap and a single
 * greedy NMS suppresses only within a class. The shift is done in float64 so large class indices
 * do not cost precision. Returns kept indices in descending score order.
 */
export function batchedNms(boxes: Boxes, scores: ArrayLike<number>, classIndices: ArrayLike<number>, options: NmsOptions & { classAgnostic?: boolean }): Int32Array {
  const n = boxCount(boxes);
  if (classIndices.length !== n) throw new Error(`batchedNms: ${classIndices.length} class indices for ${n} boxes`);
  if (options.classAgnostic || n === 0) return nms(boxes, scores, options);
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < boxes.length; i++) { const v = boxes[i]; if (v < lo) lo = v; if (v > hi) hi = v; }
  const span = hi - lo + 1;
  const shifted = new Float64Array(boxes.length);
  for (let i = 0; i < n; i++) {
    const c = classIndices[i];
    if (!Number.isInteger(c) || c < 0) throw new Error(`batchedNms: class index ${i} must be a non-negative integer, got ${c}`);
    const off = c * span - lo;
    for (let k = 0; k < 4; k++) shifted[i * 4 + k] = boxes[i * 4 + k] + off;
  }
  return nms(shifted, scores, options);
}
