import { vertexCount } from '../geometry/polygon';
import { checkRayCount } from './angles';

/**
 * A cheap monotonic stand-in for the angle of (dx, dy) in [0, 2 pi): the "diamond angle" in [0, 4),
 * with p(theta + pi) = p(theta) + 2, so comparisons and half-turn tests work as with true angles.
 */
function diamond(dx: number, dy: number): number {
  if (dy >= 0) return dx >= 0 ? (dx + dy === 0 ? 0 : dy / (dx + dy)) : 1 - dx / (dy - dx);
  return dx < 0 ? 2 - dy / (-dx - dy) : 3 + dx / (dx - dy);
}

const LUT_BINS = 4096; // over the diamond range [0, 4)

interface RayTable { cos: Float64Array; sin: Float64Array; /** first ray k with p_k >= b * 4 / LUT_BINS */ lut: Int32Array }
const tables = new Map<number, RayTable>();

function rayTable(n: number): RayTable {
  let t = tables.get(n);
  if (t) return t;
  const cos = new Float64Array(n), sin = new Float64Array(n), p = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const a = (2 * Math.PI * k) / n;
    cos[k] = Math.cos(a); sin[k] = Math.sin(a);
    p[k] = diamond(cos[k], sin[k]);
  }
  const lut = new Int32Array(LUT_BINS + 2);
  let k = 0;
  for (let b = 0; b <= LUT_BINS + 1; b++) {
    const start = (b * 4) / LUT_BINS;
    while (k < n && p[k] < start) k++;
    lut[b] = k;
  }
  t = { cos, sin, lut };
  if (tables.size < 64) tables.set(n, t);
  return t;
}

/**
 * For each of n rays from (cx, cy) (angles as in rayAngles), the distance to the FARTHEST point where
 * the ray meets the polygon's boundary: PolarMask's ray length ("the farthest contour point in that
 * direction"), computed exactly by ray-segment intersection rather than by binning contour points.
 * A ray that meets no edge (the centre is outside the polygon on that side) gets 0.
 *
 * Cost O(E + hits): each edge only tests the rays inside the angle it subtends from the centre
 * (found with a monotonic pseudo-angle and a lookup table; the intersection test itself is exact).
 */
export function castRays(polygon: ArrayLike<number>, cx: number, cy: number, n: number, out?: Float32Array): Float32Array {
  checkRayCount(n);
  const e = vertexCount(polygon);
  const dist = out ?? new Float32Array(n);
  if (dist.length < n) throw new Error(`castRays: output holds ${dist.length} values, need ${n}`);
  const best = new Float64Array(n);
  if (e < 2) { dist.fill(0, 0, n); return dist; }
  const { cos, sin, lut } = rayTable(n);
  const scale = LUT_BINS / 4;
  let px = polygon[0] - cx, py = polygon[1] - cy;
  let pa = diamond(px, py);
  for (let i = 0; i < e; i++) {
    const j = i + 1 === e ? 0 : i + 1;
    const qx = polygon[2 * j] - cx, qy = polygon[2 * j + 1] - cy;
    const qa = diamond(qx, qy);
    const ex = qx - px, ey = qy - py;
    // The pseudo-angle span the edge subtends, taken the short way round: (-2, 2] is a half turn.
    let d = qa - pa;
    if (d > 2) d -= 4; else if (d <= -2) d += 4;
    let k0: number, k1: number;
    if (Math.abs(d) >= 2 - 1e-12 || (px === 0 && py === 0) || (qx === 0 && qy === 0)) {
      k0 = 0; k1 = n - 1; // the centre lies on this edge's line: test every ray
    } else {
      let lo = d >= 0 ? pa : qa;
      if (lo < 0) lo += 4;
      const hi = lo + Math.abs(d);
      // Rays with p_k in [lo, hi], widened by one on each side (the test below is exact).
      k0 = lut[Math.floor(lo * scale)] - 1;
      k1 = hi < 4 ? lut[Math.floor(hi * scale) + 1] : n + lut[Math.floor((hi - 4) * scale) + 1];
    }
    for (let kk = k0; kk <= k1; kk++) {
      const k = kk < 0 ? kk + n : kk >= n ? kk - n : kk;
      // Solve c + t u = p + s e for t >= 0, s in [0, 1] (p relative to c).
      const ux = cos[k], uy = sin[k];
      const denom = ux * ey - uy * ex;
      const cr = px * uy - py * ux;
      if (Math.abs(denom) < 1e-12) {
        // Parallel: only a collinear edge counts, through its endpoints' projections.
        if (Math.abs(cr) > 1e-9) continue;
        const t = Math.max(px * ux + py * uy, qx * ux + qy * uy);
        if (t > best[k]) best[k] = t;
        continue;
      }
      const s = cr / denom;
      if (s < -1e-12 || s > 1 + 1e-12) continue;
      const t = (px * ey - py * ex) / denom;
      if (t > best[k]) best[k] = t;
    }
    px = qx; py = qy; pa = qa;
  }
  for (let k = 0; k < n; k++) dist[k] = best[k];
  return dist;
}
