/**
 * Polar centerness (PolarMask, Xie et al., CVPR 2020, Eq. 1): sqrt(min_k d_k / max_k d_k), 1 for a
 * centre equidistant from the whole contour and near 0 for a centre close to an edge.
 */
export function polarCenterness(distances: ArrayLike<number>): number {
  if (distances.length === 0) throw new Error('polarCenterness: no distances');
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < distances.length; i++) {
    const d = distances[i];
    if (!(d >= 0)) throw new Error(`polarCenterness: distance ${i} must be >= 0, got ${d}`);
    if (d < lo) lo = d;
    if (d > hi) hi = d;
  }
  return hi > 0 ? Math.sqrt(lo / hi) : 0;
}
