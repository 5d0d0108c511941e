import { largestOuterContour } from '../contour/contours';
import { checkMask, Mask } from '../mask/mask';
import { fillPolygonOpenCV } from '../raster/fill-polygon-opencv';

/**
 * PolarMask's own ray targets (Xie et al., CVPR 2020; the reference code's get_36_coordinates),
 * reproduced behaviour for behaviour so that its numbers can be matched:
 *   1. contour: OpenCV's outer contour (pixel centres) of the largest component by polygon area;
 *   2. centre: the contour polygon's area centroid, truncated to integers (the mean of the contour
 *      points when the area is 0);
 *   3. every contour point gets an integer angle (degrees, truncated toward zero, measured as the
 *      reference code does) and each angle keeps its farthest point;
 *   4. ray a (a = 0, 360/n, ...) takes the point of angle a, else a+1, a-1, a+2, a-2, a+3, a-3
 *      (no wrap-around at 0), so it is the farthest point within +-3 degrees, not on the ray itself;
 *   5. a ray with no point there takes the midpoint of its two neighbours' points when both exist
 *      (filled in increasing angle order), else the centre; its length is the distance to that
 *      point (1e-6 when 0), kept in float32.
 * Decoding (`polarMaskPolygon` + OpenCV rasterisation) places ray a's point at that distance along
 * the ray's nominal direction and truncates vertices to integers. The reference decoder
 * (distance2mask) puts angle a at (sin a, cos a), which is 90 degrees off its own target angles; seg
 * uses the direction consistent with the targets, (-cos a, sin a) in image axes.
 */
export interface PolarMaskEncoding {
  /** Integer centre (x, y). */
  centre: [number, number];
  /** Ray lengths in seg's convention: ray k along 2 pi k / n (cos, sin) in image axes. */
  distances: Float32Array;
  /** Ray lengths in PolarMask's order: entry k is the ray of reference angle a = k * 360 / n degrees. */
  native: Float32Array;
  /** The contour used, x,y interleaved. */
  contour: Int32Array;
}

export function encodePolarMask(mask: Mask, n = 36): PolarMaskEncoding | null {
  checkMask(mask);
  if (!Number.isInteger(n) || n < 4 || 360 % n !== 0 || n % 2 !== 0) {
    throw new Error(`PolarMask encoding needs an even number of rays dividing 360 (18, 36, 72, ...), got ${n}`);
  }
  const step = 360 / n;
  // Step 1: the contour.
  const contour = largestOuterContour(mask, 'area');
  if (!contour) return null;
  const pts = contour.points;
  const m = pts.length / 2;
  // Step 2: the centre, with the reference code's arithmetic order.
  let area = 0, sx = 0, sy = 0;
  for (let i = 0; i < m; i++) {
    const j = i === 0 ? m - 1 : i - 1;
    const x = pts[2 * i], y = pts[2 * i + 1], x1 = pts[2 * j], y1 = pts[2 * j + 1];
    const fg = (x * y1 - y * x1) / 2.0;
    area += fg;
    sx += (fg * (x + x1)) / 3.0;
    sy += (fg * (y + y1)) / 3.0;
  }
  let cx: number, cy: number;
  if (area === 0) {
    let mx = 0, my = 0;
    for (let i = 0; i < m; i++) { mx += pts[2 * i]; my += pts[2 * i + 1]; }
    cx = Math.trunc(mx / m); cy = Math.trunc(my / m);
  } else {
    cx = Math.trunc(sx / area); cy = Math.trunc(sy / area);
  }
  // Step 3: the farthest contour point per integer angle.
  const has = new Uint8Array(360), bx = new Int32Array(360), by = new Int32Array(360), bd = new Float64Array(360);
  for (let i = 0; i < m; i++) {
    const x = pts[2 * i], y = pts[2 * i + 1];
    let a = -Math.trunc((Math.atan2(cy - y, cx - x) * 180) / Math.PI);
    if (a < 0) a += 360;
    a |= 0;
    const d = (x - cx) * (x - cx) + (y - cy) * (y - cy);
    if (!has[a] || d > bd[a]) { has[a] = 1; bx[a] = x; by[a] = y; bd[a] = d; }
  }
  // Step 4: each ray's point within +-3 degrees.
  const found = new Uint8Array(n), px = new Float64Array(n), py = new Float64Array(n);
  const offsets = [0, 1, -1, 2, -2, 3, -3];
  for (let k = 0; k < n; k++) {
    const a = k * step;
    for (const o of offsets) {
      const b = a + o;
      if (b >= 0 && b < 360 && has[b]) { found[k] = 1; px[k] = bx[b]; py[k] = by[b]; break; }
    }
  }
  // Step 5: gaps from the neighbours' points (or the centre), then lengths.
  for (let k = 0; k < n; k++) {
    if (found[k]) continue;
    if (k - 1 >= 0 && found[k - 1] && k + 1 < n && found[k + 1]) {
      px[k] = (px[k - 1] + px[k + 1]) / 2; py[k] = (py[k - 1] + py[k + 1]) / 2;
    } else {
      px[k] = cx; py[k] = cy;
    }
    found[k] = 1;
  }
  const native = new Float32Array(n);
  for (let k = 0; k < n; k++) {
    const d = Math.sqrt((cx - px[k]) * (cx - px[k]) + (cy - py[k]) * (cy - py[k]));
    native[k] = d === 0 ? 1e-6 : d;
  }
  // Reference angle a points along (-cos a, sin a) = seg's angle 180 - a: ray (n/2 - k) mod n.
  const distances = new Float32Array(n);
  for (let k = 0; k < n; k++) distances[(n / 2 - k + n) % n] = native[k];
  return { centre: [cx, cy], distances, native, contour: pts };
}

/** PolarMask-decoded polygon vertices (before truncation), with the reference arithmetic. */
export function polarMaskPolygon(enc: PolarMaskEncoding): Float64Array {
  const n = enc.native.length;
  const step = 360 / n;
  const [cx, cy] = enc.centre;
  const poly = new Float64Array(2 * n);
  for (let k = 0; k < n; k++) {
    const a = ((k * step) / 180) * Math.PI;
    poly[2 * k] = cx - enc.native[k] * Math.cos(a);
    poly[2 * k + 1] = cy + enc.native[k] * Math.sin(a);
  }
  return poly;
}

/** The mask PolarMask's decoding draws: OpenCV's filled contour of the truncated polygon. */
export function decodePolarMask(enc: PolarMaskEncoding, width: number, height: number): Mask {
  return fillPolygonOpenCV(polarMaskPolygon(enc), width, height);
}
