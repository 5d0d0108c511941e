import { Rng } from '@seg/tensor';
import { otsuThreshold } from './otsu';

/** Brute force: every cut between consecutive distinct values, between-class variance on the raw values. */
function bruteForce(values: number[]): { cut: number; variance: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  let best = { cut: sorted[0], variance: -1 };
  for (let i = 1; i < n; i++) {
    if (sorted[i] === sorted[i - 1]) continue;
    const lo = sorted.slice(0, i); const hi = sorted.slice(i);
    const m0 = lo.reduce((a, b) => a + b, 0) / lo.length; const m1 = hi.reduce((a, b) => a + b, 0) / hi.length;
    const v = (lo.length / n) * (hi.length / n) * (m0 - m1) ** 2;
    if (v > best.variance) best = { cut: (sorted[i - 1] + sorted[i]) / 2, variance: v };
  }
  return best;
}

const varianceAt = (values: number[], t: number): number => {
  const lo = values.filter((v) => v <= t); const hi = values.filter((v) => v > t);
  if (!lo.length || !hi.length) return 0;
  const m0 = lo.reduce((a, b) => a + b, 0) / lo.length; const m1 = hi.reduce((a, b) => a + b, 0) / hi.length;
  return (lo.length / values.length) * (hi.length / values.length) * (m0 - m1) ** 2;
};

describe("Otsu's threshold", () => {
  it('splits bimodal data exactly where the brute-force maximum of the between-class variance does', () => {
    for (let seed = 0; seed < 10; seed++) {
      const rng = new Rng(seed);
      const values = [
        ...Array.from({ length: 300 }, () => Math.round(rng.normal(60, 8))),
        ...Array.from({ length: 100 + seed * 20 }, () => Math.round(rng.normal(170, 10))),
      ];
      const ref = bruteForce(values);
      const { threshold } = otsuThreshold(values);
      // Same partition of the data as the reference cut.
      values.forEach((v) => expect(v > threshold).toBe(v > ref.cut));
    }
  });

  it('reaches the brute-force optimum of the between-class variance on arbitrary data (within binning)', () => {
    const rng = new Rng(3);
    for (let trial = 0; trial < 10; trial++) {
      const values = Array.from({ length: 200 }, () => rng.random() ** (1 + trial));
      const ref = bruteForce(values);
      const { threshold } = otsuThreshold(values, 1024);
      expect(varianceAt(values, threshold)).toBeGreaterThanOrEqual(0.995 * ref.variance);
    }
  });

  it('handles constant data and rejects bad input', () => {
    expect(otsuThreshold([4, 4, 4])).toEqual({ threshold: 4, variance: 0 });
    expect(() => otsuThreshold([])).toThrow(/no values/);
    expect(() => otsuThreshold([1, NaN])).toThrow(/value 1 is NaN/);
    expect(() => otsuThreshold([1, 2], 1)).toThrow(/bins must be an integer >= 2/);
  });
});
