import { vertexCount } from '../geometry/polygon';
import type { Mask } from '../mask/mask';

/**
 * Fill rules: 'even-odd' fills points crossed by an odd number of edges to their left; 'nonzero'
 * fills points of nonzero winding number. They differ only for self-overlapping polygons (a polygon
 * from non-negative polar rays around its centre is star-shaped, so both give the same mask).
 */
export type FillRule = 'even-odd' | 'nonzero';

/**
 * Scan-line polygon rasteriser sampling pixel centres: pixel (x, y) is filled when the point (x, y)
 * is inside the polygon. Each row y intersects the edges with y in [ymin, ymax) (half-open, so a
 * vertex on the row is counted once) and fills columns x with xa <= x < xb for each inside span
 * [xa, xb). No per-pixel allocation; `onSpan(y, x0, x1)` receives every filled run [x0, x1]
 * (already clipped to the image) in row order.
 */
export function scanPolygon(polygon: ArrayLike<number>, width: number, height: number, rule: FillRule, onSpan: (y: number, x0: number, x1: number) => void): void {
  const n = vertexCount(polygon);
  if (rule !== 'even-odd' && rule !== 'nonzero') throw new Error(`unknown fill rule '${String(rule)}'; expected 'even-odd' or 'nonzero'`);
  if (n < 3) return;
  // Step 1: the edge table: non-horizontal edges with their first and last scan rows, sorted by
  // first row (rows y with ymin <= y < ymax, half-open so a shared vertex is counted once).
  const top = new Int32Array(n), bottom = new Int32Array(n), x0s = new Float64Array(n), slope = new Float64Array(n), y0s = new Float64Array(n), dir = new Int8Array(n);
  let m = 0;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const ay = polygon[j * 2 + 1], by = polygon[i * 2 + 1];
    if (ay === by) continue;
    const up = ay < by;
    const ylo = up ? ay : by, yhi = up ? by : ay;
    const r0 = Math.max(0, Math.ceil(ylo)), r1 = Math.min(height, Math.ceil(yhi)) - 1;
    if (r1 < r0) continue;
    const ax = polygon[j * 2], bx = polygon[i * 2];
    top[m] = r0; bottom[m] = r1; x0s[m] = ax; y0s[m] = ay; slope[m] = (bx - ax) / (by - ay); dir[m] = up ? 1 : -1;
    m++;
  }
  if (m === 0) return;
  const order = new Int32Array(m);
  for (let k = 0; k < m; k++) order[k] = k;
  order.sort((a, b) => top[a] - top[b]);
  // Step 2: sweep rows with an active edge list; crossings sorted by x give the inside spans.
  const active = new Int32Array(m);
  const xs = new Float64Array(m);
  const ws = new Int8Array(m);
  let na = 0, next = 0;
  const yStart = top[order[0]];
  for (let y = yStart; y < height; y++) {
    while (next < m && top[order[next]] <= y) active[na++] = order[next++];
    let c = 0;
    for (let a = 0; a < na; a++) {
      const e = active[a];
      if (bottom[e] < y) { active[a--] = active[--na]; continue; }
      const x = x0s[e] + (y - y0s[e]) * slope[e];
      let k = c++;
      while (k > 0 && xs[k - 1] > x) { xs[k] = xs[k - 1]; ws[k] = ws[k - 1]; k--; }
      xs[k] = x; ws[k] = dir[e];
    }
    if (na === 0 && next >= m) break;
    let wind = 0;
    for (let k = 0; k + 1 < c; k++) {
      wind += rule === 'even-odd' ? 1 : ws[k];
      const inside = rule === 'even-odd' ? (wind & 1) === 1 : wind !== 0;
      if (!inside) continue;
      const xa = Math.max(0, Math.ceil(xs[k])), xb = Math.min(width - 1, Math.ceil(xs[k + 1]) - 1);
      if (xb >= xa) onSpan(y, xa, xb);
    }
  }
}

/** Rasterises a polygon into a new mask (or ORs it into `into`). */
export function fillPolygon(polygon: ArrayLike<number>, width: number, height: number, options: { rule?: FillRule; into?: Mask } = {}): Mask {
  const mask = options.into ?? { data: new Uint8Array(width * height), width, height };
  if (mask.width !== width || mask.height !== height) throw new Error(`fillPolygon: target mask is ${mask.width}x${mask.height}, expected ${width}x${height}`);
  const d = mask.data;
  scanPolygon(polygon, width, height, options.rule ?? 'even-odd', (y, x0, x1) => d.fill(1, y * width + x0, y * width + x1 + 1));
  return mask;
}
