import { Rng } from '@seg/tensor';
import { polarCenterness } from './centerness';
import { polarIou, polarIouLoss, polarIouLossGrad } from './polar-iou';

describe('polar metrics', () => {
  it('centerness is sqrt(min/max)', () => {
    expect(polarCenterness([4, 4, 4])).toBe(1);
    expect(polarCenterness([1, 4, 2])).toBeCloseTo(0.5, 12);
    expect(polarCenterness([0, 0])).toBe(0);
    expect(() => polarCenterness([1, -1])).toThrow(/>= 0/);
  });

  it('Polar IoU is sum min / sum max and the loss is its -log', () => {
    expect(polarIou([1, 2, 3], [2, 2, 1])).toBeCloseTo((1 + 2 + 1) / (2 + 2 + 3), 12);
    expect(polarIouLoss([1, 2, 3], [2, 2, 1])).toBeCloseTo(Math.log(7 / 4), 12);
    expect(polarIouLoss([3, 3], [3, 3])).toBe(0);
    expect(() => polarIou([1], [1, 2])).toThrow(/1 predicted rays but 2 target/);
  });

  it('the closed-form loss gradient matches central differences', () => {
    const rng = new Rng(6);
    for (let t = 0; t < 20; t++) {
      const n = 36;
      const d = Float64Array.from({ length: n }, () => rng.uniform(1, 20));
      const s = Float64Array.from({ length: n }, () => rng.uniform(1, 20));
      const g = polarIouLossGrad(d, s);
      for (let k = 0; k < n; k++) {
        const h = 1e-6;
        const up = d.slice(); up[k] += h;
        const dn = d.slice(); dn[k] -= h;
        expect(g[k]).toBeCloseTo((polarIouLoss(up, s) - polarIouLoss(dn, s)) / (2 * h), 6);
      }
    }
  });
});
