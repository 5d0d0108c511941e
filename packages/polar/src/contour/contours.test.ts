import { fillPolygon } from '../raster/fill-polygon';
import { polygonArea } from '../geometry/polygon';
import { labelComponents } from '../mask/components';
import type { Mask } from '../mask/mask';
import { maskFromRows, opencvFixtures, rowsOf } from '../testdata/fixtures';
import { Rng } from '@seg/tensor';
import { outerBoundaryPolygon } from './boundary-polygon';
import { findOuterContours, largestOuterContour } from './contours';
import { traceOuterBorder } from './trace-border';

/** Component k with its holes filled (background not reachable from the image border, 4-connected). */
function filledComponent(mask: Mask, labels: Int32Array, k: number): string[] {
  const { width: w, height: h } = mask;
  const outside = new Uint8Array(w * h);
  const stack: number[] = [];
  for (let x = 0; x < w; x++) for (const y of [0, h - 1]) stack.push(y * w + x);
  for (let y = 0; y < h; y++) for (const x of [0, w - 1]) stack.push(y * w + x);
  while (stack.length) {
    const p = stack.pop()!;
    if (outside[p] || labels[p] === k) continue;
    outside[p] = 1;
    const x = p % w, y = (p - x) / w;
    if (x > 0) stack.push(p - 1);
    if (x < w - 1) stack.push(p + 1);
    if (y > 0) stack.push(p - w);
    if (y < h - 1) stack.push(p + w);
  }
  return rowsOf({ data: Uint8Array.from(outside, (o) => (o ? 0 : 1)), width: w, height: h });
}

function randomMask(rng: Rng, w: number, h: number, p: number): Mask {
  const data = new Uint8Array(w * h);
  for (let i = 0; i < data.length; i++) data[i] = rng.random() < p ? 1 : 0;
  return { data, width: w, height: h };
}

describe('outer contours', () => {
  it('follow the border exactly as OpenCV findContours (CHAIN_APPROX_NONE)', () => {
    for (const fx of opencvFixtures.contours) {
      const mask = maskFromRows(fx.rows);
      const ours = findOuterContours(mask).map((c) => Array.from(c.points));
      expect(ours.length).toBe(fx.contours.length);
      for (const c of fx.contours) expect(ours).toContainEqual(c);
    }
  });

  it('handle lines and single pixels as OpenCV does', () => {
    expect(Array.from(traceOuterBorder(maskFromRows(['111']), 0, 0))).toEqual([0, 0, 1, 0, 2, 0, 1, 0]);
    expect(Array.from(traceOuterBorder(maskFromRows(['000', '010', '000']), 1, 1))).toEqual([1, 1]);
    expect(() => traceOuterBorder(maskFromRows(['011']), 2, 0)).toThrow(/does not start an outer border/);
  });

  it('pick the largest component by polygon area or by pixels', () => {
    // A ring of 8 pixels (contour polygon area 4) and a 10-pixel line (area 0).
    const m = maskFromRows(['111000000000', '101000000000', '111000000000', '000000000000', '001111111111']);
    expect(largestOuterContour(m, 'area')!.pixels).toBe(8);
    expect(largestOuterContour(m, 'area')!.area).toBe(4);
    expect(largestOuterContour(m, 'pixels')!.pixels).toBe(10);
    expect(largestOuterContour(maskFromRows(['00']))).toBeNull();
  });
});

describe('pixel-edge boundary polygon', () => {
  it('encloses exactly the component with its holes filled, and its area is that pixel count', () => {
    const rng = new Rng(5);
    for (let t = 0; t < 30; t++) {
      const mask = randomMask(rng, 17, 13, 0.55);
      const c = labelComponents(mask, 8);
      for (let k = 1; k <= c.count; k++) {
        const p = c.firstPixel[k];
        const poly = outerBoundaryPolygon(mask, p % mask.width, Math.floor(p / mask.width));
        const expected = filledComponent(mask, c.labels, k);
        expect(rowsOf(fillPolygon(poly, mask.width, mask.height))).toEqual(expected);
        expect(polygonArea(poly)).toBe(expected.join('').split('').filter((ch) => ch === '1').length);
      }
    }
  });

  it('walks around diagonal contacts and has corner vertices', () => {
    const poly = outerBoundaryPolygon(maskFromRows(['10', '01']), 0, 0);
    expect(polygonArea(poly)).toBe(2);
    expect(Array.from(outerBoundaryPolygon(maskFromRows(['1']), 0, 0))).toEqual([0.5, -0.5, 0.5, 0.5, -0.5, 0.5, -0.5, -0.5]);
    expect(() => outerBoundaryPolygon(maskFromRows(['11']), 1, 0)).toThrow(/first raster pixel/);
  });
});
