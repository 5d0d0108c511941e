import { Rng } from '@seg/tensor';
import { planeOtsuStats, rowOtsuStats } from './otsu-normalize';

describe('Otsu-centred standardisation', () => {
  const rng = new Rng(7);
  const n = 2000;
  // Key channel: two classes (20% at 5, 80% at 1, noise 0.2); channel 1 = 3 x key + 10; channel 2 constant.
  const key = Float32Array.from({ length: n }, (_, i) => (i < 400 ? 5 : 1) + rng.normal(0, 0.2));
  const planes = new Float32Array(3 * n);
  planes.set(key, 0);
  planes.set(key.map((v) => 3 * v + 10), n);
  planes.fill(4, 2 * n);

  it('centres each channel between its two class means and scales by the within-class spread', () => {
    const s = planeOtsuStats(planes, 3, n, 0);
    expect(s.mean[0]).toBeCloseTo(3, 1);
    expect(s.std[0]).toBeCloseTo(0.2, 1);
    // An affine copy of the key normalises to the same values (the statistics follow the map).
    expect(s.mean[1]).toBeCloseTo(3 * s.mean[0] + 10, 4);
    expect(s.std[1]).toBeCloseTo(3 * s.std[0], 4);
    // A constant channel is centred, not blown up.
    expect([s.mean[2], s.std[2]]).toEqual([4, 1]);
  });

  it('does not move with the class proportions the way a plain z-score does', () => {
    const more = Float32Array.from({ length: n }, (_, i) => (i < 1000 ? 5 : 1) + rng.normal(0, 0.2));
    const a = planeOtsuStats(planes, 1, n, 0).mean[0];
    const b = planeOtsuStats(more, 1, n, 0).mean[0];
    expect(Math.abs(a - b)).toBeLessThan(0.05);
    const meanA = key.reduce((x, y) => x + y, 0) / n; const meanB = more.reduce((x, y) => x + y, 0) / n;
    expect(Math.abs(meanA - meanB)).toBeGreaterThan(1); // the z-score centre moves by ~1.2
  });

  it('weights rows by area for superpixel features', () => {
    // Rows [value]: a big region at 0 (area 90) and a small one at 10 (area 10), split by Otsu; area weighting keeps the class means.
    const s = rowOtsuStats(Float32Array.from([0, 10, 0.2, 9.8]), 4, 1, 0, Int32Array.from([90, 10, 1, 1]));
    expect(s.mean[0]).toBeCloseTo((90 * 0 + 0.2) / 91 / 2 + (10 * 10 + 9.8) / 11 / 2, 4);
    expect(() => rowOtsuStats(new Float32Array(2), 2, 1, 3, new Int32Array(2))).toThrow(/key channel 3 is outside \[0, 1\)/);
  });
});
