import { Rng } from '@seg/tensor';
import { calibrateThreshold } from '../pipeline/calibrate-threshold';
import { pixelRatioLabels, seedLabels } from './pixel-labels';

describe('pixel-level ratio labels', () => {
  it('labels the top (r - e) fraction foreground and the bottom (1 - r - e) background, by probability', () => {
    const rng = new Rng(2);
    const p = Float32Array.from({ length: 1000 }, () => rng.random());
    const l = pixelRatioLabels(p, 0.3, 0.05);
    const count = (v: number): number => l.reduce((a, x) => a + (x === v ? 1 : 0), 0);
    expect([count(1), count(0), count(-1)]).toEqual([250, 650, 100]);
    let minFg = Infinity; let maxBg = -Infinity; let minU = Infinity; let maxU = -Infinity;
    p.forEach((v, i) => {
      if (l[i] === 1) minFg = Math.min(minFg, v); else if (l[i] === 0) maxBg = Math.max(maxBg, v); else { minU = Math.min(minU, v); maxU = Math.max(maxU, v); }
    });
    expect(maxBg).toBeLessThan(minU);
    expect(maxU).toBeLessThan(minFg);
    expect(Array.from(pixelRatioLabels(Float32Array.from([0.1, 0.9, 0.5, 0.2]), 0.25, 0))).toEqual([0, 1, 0, 0]);
    expect(() => pixelRatioLabels(p, 1.2, 0)).toThrow(/area ratio must be in \[0, 1\], got 1.2/);
  });

  it('draws size-loss seeds covering a fraction of each class from the top and bottom of the ranking', () => {
    const scores = [9, 8, 7, 6, 5, 4, 3, 2, 1, 0];
    const area = Int32Array.from([10, 10, 10, 10, 10, 10, 10, 10, 10, 10]);
    // r = 0.4, fraction 0.5: foreground up to 20 px (2 vertices), background up to 30 px (3 vertices).
    expect(Array.from(seedLabels(scores, area, 0.4, 0.5))).toEqual([1, 1, -1, -1, -1, -1, -1, 0, 0, 0]);
  });
});

describe('threshold calibration on the training ratios', () => {
  it('finds the cut whose predicted fractions match the ratios', () => {
    // Two images whose probabilities are uniform on a grid: P(p > t) = 1 - t, so ratios 0.3 and 0.3 need t = 0.7.
    const grid = Float32Array.from({ length: 1000 }, (_, i) => (i + 0.5) / 1000);
    const c = calibrateThreshold([{ prob: grid, ratio: 0.3 }, { prob: grid, ratio: 0.3 }]);
    expect(c.threshold).toBeCloseTo(0.7, 2);
    expect(c.mae).toBeLessThan(0.011);
    // Areas weigh the elements: one element of area 3 at 0.9 and one of area 1 at 0.1 give ratio 0.75 for any t in [0.1, 0.9).
    const w = calibrateThreshold([{ prob: [0.9, 0.1], area: [3, 1], ratio: 0.75 }]);
    expect(w.mae).toBeCloseTo(0, 6);
    expect(w.threshold).toBeGreaterThanOrEqual(0.1);
    expect(w.threshold).toBeLessThan(0.9);
  });
});
