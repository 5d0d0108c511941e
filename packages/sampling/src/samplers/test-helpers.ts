import type { AssignResult } from '../assigners/assign-result';

/** An assignment built directly from per-box gt indices (mmdetection convention) and max IoUs. */
export function makeAssign(gtInds: ArrayLike<number>, maxOverlaps: ArrayLike<number>, numGts: number): AssignResult {
  if (gtInds.length !== maxOverlaps.length) throw new Error('makeAssign: lengths differ');
  return { numGts, gtInds: Int32Array.from(gtInds), maxOverlaps: Float32Array.from(maxOverlaps), labels: null };
}

/** Counts of `inds` whose value falls in each [edges[i], edges[i+1]). */
export function histogram(inds: ArrayLike<number>, values: Float32Array, edges: readonly number[]): number[] {
  const h = new Array(edges.length - 1).fill(0);
  for (let k = 0; k < inds.length; k++) {
    const v = values[inds[k]];
    for (let b = 0; b + 1 < edges.length; b++) if (v >= edges[b] && v < edges[b + 1]) { h[b]++; break; }
  }
  return h;
}
