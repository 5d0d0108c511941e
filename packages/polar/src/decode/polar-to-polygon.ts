import { checkRayCount } from '../rays/angles';

/** The polygon whose vertex k is the end of ray k: (cx + d_k cos theta_k, cy + d_k sin theta_k). */
export function polarToPolygon(cx: number, cy: number, distances: ArrayLike<number>, out?: Float64Array): Float64Array {
  const n = checkRayCount(distances.length);
  const poly = out ?? new Float64Array(2 * n);
  if (poly.length < 2 * n) throw new Error(`polarToPolygon: output holds ${poly.length} values, need ${2 * n}`);
  for (let k = 0; k < n; k++) {
    const d = distances[k];
    if (!(d >= 0)) throw new Error(`polarToPolygon: distance ${k} must be >= 0, got ${d}`);
    const t = (2 * Math.PI * k) / n;
    poly[2 * k] = cx + d * Math.cos(t);
    poly[2 * k + 1] = cy + d * Math.sin(t);
  }
  return poly;
}
