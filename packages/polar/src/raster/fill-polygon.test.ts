import { Rng } from '@seg/tensor';
import { polygonArea } from '../geometry/polygon';
import { maskArea } from '../mask/mask';
import { maskFromRows, opencvFixtures, rowsOf } from '../testdata/fixtures';
import { fillPolygon } from './fill-polygon';
import { clipSegment, fillPolygonOpenCV } from './fill-polygon-opencv';

describe('scan-line polygon fill (pixel centres)', () => {
  it('fills exactly the pixel centres inside a rectangle, edges half-open', () => {
    // Rectangle [0.5, 3.5] x [0.5, 2.5]: centres x = 1..3, y = 1..2.
    const m = fillPolygon([0.5, 0.5, 3.5, 0.5, 3.5, 2.5, 0.5, 2.5], 5, 4);
    expect(rowsOf(m)).toEqual(['00000', '01110', '01110', '00000']);
    // Centres exactly on the left/top edges are in, on the right/bottom edges out: adjacent
    // rectangles sharing an edge tile the plane without overlap.
    const a = fillPolygon([0, 0, 2, 0, 2, 2, 0, 2], 5, 4);
    const b = fillPolygon([2, 0, 4, 0, 4, 2, 2, 2], 5, 4);
    expect(rowsOf(a)).toEqual(['11000', '11000', '00000', '00000']);
    expect(rowsOf(b)).toEqual(['00110', '00110', '00000', '00000']);
  });

  it('even-odd leaves the core of a pentagram empty, nonzero fills it', () => {
    const star: number[] = [];
    for (let k = 0; k < 5; k++) { const t = (4 * Math.PI * k) / 5 - Math.PI / 2; star.push(20 + 18 * Math.cos(t), 20 + 18 * Math.sin(t)); }
    const eo = fillPolygon(star, 40, 40, { rule: 'even-odd' });
    const nz = fillPolygon(star, 40, 40, { rule: 'nonzero' });
    expect(eo.data[20 * 40 + 20]).toBe(0);
    expect(nz.data[20 * 40 + 20]).toBe(1);
    expect(maskArea(nz)).toBeGreaterThan(maskArea(eo));
    expect(() => fillPolygon(star, 40, 40, { rule: 'winding' as never })).toThrow(/unknown fill rule/);
  });

  it('covers about the polygon area for random convex polygons, clipped to the image', () => {
    const rng = new Rng(8);
    for (let t = 0; t < 10; t++) {
      const n = 12, poly: number[] = [];
      const cx = rng.uniform(-20, 140), cy = rng.uniform(-20, 140), r = rng.uniform(20, 60);
      for (let k = 0; k < n; k++) poly.push(cx + r * Math.cos((2 * Math.PI * k) / n), cy + r * Math.sin((2 * Math.PI * k) / n));
      const full = fillPolygon(poly.map((v, i) => v + (i % 2 === 0 ? 300 : 300)), 800, 800);
      expect(Math.abs(maskArea(full) - polygonArea(poly))).toBeLessThan(2 * Math.PI * r * 0.6);
      expect(maskArea(fillPolygon(poly, 120, 120))).toBeLessThanOrEqual(maskArea(full));
    }
  });
});

describe('OpenCV-compatible filled polygons', () => {
  it('matches cv2.drawContours(FILLED) pixel for pixel, vertices outside the image included', () => {
    for (const fx of opencvFixtures.fills) {
      expect(rowsOf(fillPolygonOpenCV(fx.poly, 16, 16))).toEqual(fx.rows);
    }
  });

  it('clips segments to the image', () => {
    const s = Float64Array.from([-5, 5, 15, 5]);
    expect(clipSegment(s, 10, 10)).toBe(true);
    expect(Array.from(s)).toEqual([0, 5, 9, 5]);
    expect(clipSegment(Float64Array.from([-5, -5, -1, 20]), 10, 10)).toBe(false);
    expect(rowsOf(fillPolygonOpenCV([1, 1, 3, 1, 3, 3], 4, 4))).toEqual(rowsOf(maskFromRows(['0000', '0111', '0011', '0001'])));
  });
});
