/**
 * Ramer–Douglas–Peucker simplification of a closed polygon (x,y interleaved): keeps the vertices
 * that deviate more than `tolerance` pixels from the chord between kept neighbours (Douglas &
 * Peucker 1973). The ring is split at its first vertex and the vertex farthest from it, so the
 * result stays closed and keeps the polygon's extent. Iterative (explicit stack): border traces of
 * large masks have tens of thousands of points.
 */
export function simplifyClosedPolygon(points: ArrayLike<number>, tolerance: number): number[] {
  const n = points.length >> 1;
  if (points.length % 2 !== 0) throw new Error(`polygon must have an even number of coordinates, got ${points.length}`);
  if (!(tolerance >= 0)) throw new Error(`tolerance must be a non-negative number, got ${tolerance}`);
  if (n <= 3) return Array.from(points);
  const x = (i: number): number => points[2 * (i % n)];
  const y = (i: number): number => points[2 * (i % n) + 1];
  // Step 1: anchor the ring at vertex 0 and the vertex farthest from it.
  let far = 0, farD = -1;
  for (let i = 1; i < n; i++) {
    const d = (x(i) - x(0)) ** 2 + (y(i) - y(0)) ** 2;
    if (d > farD) { farD = d; far = i; }
  }
  const keep = new Uint8Array(n);
  keep[0] = 1;
  keep[far] = 1;
  // Step 2: recursively keep the farthest vertex of each span while it deviates more than the tolerance.
  const tol2 = tolerance * tolerance;
  const stack: number[] = [0, far, far, n];
  while (stack.length) {
    const b = stack.pop()!;
    const a = stack.pop()!;
    if (b - a < 2) continue;
    const ax = x(a), ay = y(a), dx = x(b) - ax, dy = y(b) - ay;
    const len2 = dx * dx + dy * dy;
    let best = -1, bestD = tol2;
    for (let i = a + 1; i < b; i++) {
      const px = x(i) - ax, py = y(i) - ay;
      // squared distance to the segment (to the point when the chord has zero length)
      let d: number;
      if (len2 === 0) d = px * px + py * py;
      else {
        const t = Math.max(0, Math.min(1, (px * dx + py * dy) / len2));
        d = (px - t * dx) ** 2 + (py - t * dy) ** 2;
      }
      if (d > bestD) { bestD = d; best = i; }
    }
    if (best >= 0) {
      keep[best] = 1;
      stack.push(a, best, best, b);
    }
  }
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (keep[i]) out.push(x(i), y(i));
  return out;
}
