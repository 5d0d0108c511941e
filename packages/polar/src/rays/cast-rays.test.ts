import { Rng } from '@seg/tensor';
import { rayAngles } from './angles';
import { castRays } from './cast-rays';

/** Every ray against every edge, no pruning. */
function bruteForce(poly: number[], cx: number, cy: number, n: number): number[] {
  const out: number[] = [];
  const m = poly.length / 2;
  for (let k = 0; k < n; k++) {
    const t = (2 * Math.PI * k) / n, ux = Math.cos(t), uy = Math.sin(t);
    let best = 0;
    for (let i = 0; i < m; i++) {
      const j = (i + 1) % m;
      const px = poly[2 * i], py = poly[2 * i + 1], ex = poly[2 * j] - px, ey = poly[2 * j + 1] - py;
      const den = ux * ey - uy * ex;
      if (Math.abs(den) < 1e-12) continue;
      const wx = px - cx, wy = py - cy;
      const s = (wx * uy - wy * ux) / den, tt = (wx * ey - wy * ex) / den;
      if (s >= 0 && s <= 1 && tt > best) best = tt;
    }
    out.push(best);
  }
  return out;
}

describe('castRays: farthest boundary crossing per ray', () => {
  it('gives the exact distances to a square', () => {
    const sq = [-2, -2, 2, -2, 2, 2, -2, 2];
    const d = castRays(sq, 0, 0, 8);
    const r2 = 2 * Math.SQRT2;
    [2, r2, 2, r2, 2, r2, 2, r2].forEach((v, k) => expect(d[k]).toBeCloseTo(v, 5));
    // off-centre: ray 0 (right) hits x = 2 at distance 1.5
    expect(castRays(sq, 0.5, 0, 4)[0]).toBeCloseTo(1.5, 6);
    expect(Array.from(rayAngles(4))).toEqual([0, Math.PI / 2, Math.PI, 1.5 * Math.PI]);
  });

  it('takes the farthest crossing in a concave shape and 0 where a ray misses', () => {
    // A U shape: ray 3 (pointing up, -y) from inside the left arm crosses... the top edge only.
    const u = [0, 0, 1, 0, 1, 3, 2, 3, 2, 0, 3, 0, 3, 4, 0, 4];
    const d = castRays(u, 0.5, 3.5, 4); // rays: right, down, left, up
    expect(d[0]).toBeCloseTo(2.5, 6); // right: crosses x=1 (y in [0,3]? no: y=3.5 is below the notch) -> x = 3
    expect(d[1]).toBeCloseTo(0.5, 6);
    expect(d[2]).toBeCloseTo(0.5, 6);
    expect(d[3]).toBeCloseTo(3.5, 6);
    const outside = castRays([0, 0, 1, 0, 1, 1, 0, 1], 5, 0.5, 4);
    expect(outside[0]).toBe(0); // pointing away from the square
    expect(outside[2]).toBeCloseTo(5, 6); // farthest crossing x = 0
  });

  it('matches brute force on random polygons and centres', () => {
    const rng = new Rng(12);
    for (let t = 0; t < 60; t++) {
      const m = 3 + rng.int(40);
      const poly: number[] = [];
      for (let i = 0; i < m; i++) {
        const a = (2 * Math.PI * i) / m + rng.uniform(-0.05, 0.05), r = rng.uniform(5, 30);
        poly.push(50 + r * Math.cos(a), 50 + r * Math.sin(a));
      }
      const cx = rng.uniform(30, 70), cy = rng.uniform(30, 70);
      const n = [18, 36, 72][t % 3];
      const got = Array.from(castRays(poly, cx, cy, n));
      bruteForce(poly, cx, cy, n).forEach((v, k) => expect(got[k]).toBeCloseTo(v, 3));
    }
  });

  it('handles rays running along an edge and a centre on a vertex', () => {
    const sq = [0, 0, 4, 0, 4, 4, 0, 4];
    const along = castRays(sq, 1, 0, 4); // ray 0 runs along the bottom edge y = 0
    expect(along[0]).toBeCloseTo(3, 6);
    expect(along[1]).toBeCloseTo(4, 6);
    const atVertex = castRays(sq, 0, 0, 8);
    expect(atVertex[1]).toBeCloseTo(4 * Math.SQRT2, 5);
    expect(() => castRays(sq, 0, 0, 2)).toThrow(/integer >= 3/);
  });
});
