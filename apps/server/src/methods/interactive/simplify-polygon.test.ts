import { simplifyClosedPolygon } from './simplify-polygon';

/** Distance from a point to the closed polygon's nearest edge. */
function distanceToPolygon(px: number, py: number, poly: number[]): number {
  let best = Infinity;
  for (let i = 0; i < poly.length; i += 2) {
    const ax = poly[i], ay = poly[i + 1], bx = poly[(i + 2) % poly.length], by = poly[(i + 3) % poly.length];
    const dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
    const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
    best = Math.min(best, Math.hypot(px - ax - t * dx, py - ay - t * dy));
  }
  return best;
}

describe('simplifyClosedPolygon (Ramer–Douglas–Peucker on a ring)', () => {
  it('reduces a square traced pixel by pixel to its four corners', () => {
    const ring: number[] = [];
    for (let x = 0; x < 10; x++) ring.push(x, 0);
    for (let y = 0; y < 10; y++) ring.push(10, y);
    for (let x = 10; x > 0; x--) ring.push(x, 10);
    for (let y = 10; y > 0; y--) ring.push(0, y);
    const out = simplifyClosedPolygon(ring, 0.5);
    const corners = new Set<string>();
    for (let i = 0; i < out.length; i += 2) corners.add(`${out[i]},${out[i + 1]}`);
    expect(corners).toEqual(new Set(['0,0', '10,0', '10,10', '0,10']));
  });

  it('keeps every original vertex within the tolerance of the simplified ring, with fewer vertices', () => {
    const ring: number[] = [];
    for (let k = 0; k < 400; k++) {
      const a = (2 * Math.PI * k) / 400;
      ring.push(Math.round(50 + 30 * Math.cos(a)), Math.round(50 + 20 * Math.sin(a)));
    }
    for (const tol of [0.5, 1, 2]) {
      const out = simplifyClosedPolygon(ring, tol);
      expect(out.length).toBeLessThan(ring.length / 4);
      for (let i = 0; i < ring.length; i += 2) expect(distanceToPolygon(ring[i], ring[i + 1], out)).toBeLessThanOrEqual(tol + 1e-9);
    }
  });

  it('returns tiny polygons unchanged and rejects odd coordinate counts', () => {
    expect(simplifyClosedPolygon([1, 2, 3, 4, 5, 6], 1)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(() => simplifyClosedPolygon([1, 2, 3], 1)).toThrow(/even number of coordinates, got 3/);
    expect(() => simplifyClosedPolygon([0, 0, 1, 0, 1, 1, 0, 1], -1)).toThrow(/non-negative/);
  });
});
