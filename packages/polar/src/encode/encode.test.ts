import { polarToMask } from '../decode/polar-to-mask';
import { polarToPolygon } from '../decode/polar-to-polygon';
import { maskIou } from '../mask/mask';
import { fillPolygon } from '../raster/fill-polygon';
import { ellipseMask, maskFromRows, opencvFixtures, rowsOf } from '../testdata/fixtures';
import { reconstruct } from '../eval/reconstruction';
import { maskToPolar } from './encode';
import { decodePolarMask, encodePolarMask } from './polarmask-encoding';

describe('maskToPolar (exact boundary, exact rays)', () => {
  it('a disc gives rays of its radius (within the pixel staircase) from its centre', () => {
    const m = ellipseMask(101, 101, 50, 50, 30);
    const enc = maskToPolar(m, { rays: 36, centre: 'mass' })!;
    expect(enc.centre[0]).toBeCloseTo(50, 6);
    expect(enc.centre[1]).toBeCloseTo(50, 6);
    for (const d of enc.distances) { expect(d).toBeGreaterThan(30 - 0.75); expect(d).toBeLessThan(30 + 0.75); }
    const back = polarToMask(enc.centre[0], enc.centre[1], enc.distances, 101, 101);
    expect(maskIou(back, m)).toBeGreaterThan(0.975); // a 36-gon inscribed in a circle keeps 99.5% of its area
  });

  it('round-trips a star-shaped polygon mask almost exactly with many rays', () => {
    const d = Float32Array.from({ length: 90 }, (_, k) => 25 + 8 * Math.sin((3 * 2 * Math.PI * k) / 90));
    const m = fillPolygon(polarToPolygon(60, 55, d), 120, 110);
    const r = reconstruct(m, { rays: 90, centre: [60, 55] })!;
    expect(r.iou).toBeGreaterThan(0.97);
  });

  it('centre choices: best >= mass on an L shape; explicit centres are used as given', () => {
    const rows: string[] = [];
    for (let y = 0; y < 60; y++) rows.push(Array.from({ length: 60 }, (_, x) => ((x >= 5 && x < 20 && y >= 5 && y < 55) || (x >= 5 && x < 55 && y >= 40 && y < 55) ? '1' : '0')).join(''));
    const m = maskFromRows(rows);
    const best = reconstruct(m, { rays: 36, centre: 'best' })!;
    const mass = reconstruct(m, { rays: 36, centre: 'mass' })!;
    const peak = reconstruct(m, { rays: 36, centre: 'peak' })!;
    expect(best.iou).toBeGreaterThanOrEqual(Math.max(mass.iou, peak.iou));
    expect(maskToPolar(m, { centre: [12, 30] })!.centre).toEqual([12, 30]);
    expect(() => maskToPolar(m, { centre: 'middle' as never })).toThrow(/unknown centre 'middle'/);
    expect(() => maskToPolar(m, { rays: 2 })).toThrow(/integer >= 3/);
    expect(maskToPolar(maskFromRows(['000']))).toBeNull();
  });
});

describe('PolarMask encoding (reference behaviour)', () => {
  it('matches the OpenCV reference: centre, ray lengths and decoded mask', () => {
    for (const fx of opencvFixtures.polarmask) {
      const m = maskFromRows(fx.rows);
      const enc = encodePolarMask(m, 36)!;
      expect(enc.centre).toEqual(fx.centre);
      enc.native.forEach((v, k) => expect(v).toBeCloseTo(fx.native[k], 5));
      expect(rowsOf(decodePolarMask(enc, m.width, m.height))).toEqual(fx.recon);
    }
  });

  it('maps its angles to seg\'s ray order', () => {
    // Reference angle a points along (-cos a, sin a): a = 0 is seg's ray n/2 (pointing left).
    const m = ellipseMask(81, 61, 40, 30, 30, 10); // wide: left/right rays long, up/down short
    const enc = encodePolarMask(m, 36)!;
    expect(enc.distances[0]).toBeCloseTo(enc.native[18], 6);
    expect(enc.distances[18]).toBeCloseTo(enc.native[0], 6);
    expect(enc.distances[0]).toBeGreaterThan(25);
    expect(enc.distances[9]).toBeLessThan(12);
    expect(() => encodePolarMask(m, 7)).toThrow(/even number of rays dividing 360/);
  });
});
