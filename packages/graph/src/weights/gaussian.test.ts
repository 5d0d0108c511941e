import { edgeDistances, median } from './distance';
import { gaussianWeights, resolveSigma } from './gaussian';

describe('Gaussian edge weights', () => {
  it('computes Euclidean feature distances per edge', () => {
    const f = Float32Array.from([0, 0, 3, 4, 6, 8]);
    const d = edgeDistances(f, 2, Int32Array.from([0, 1, 0]), Int32Array.from([1, 2, 2]));
    expect([...d]).toEqual([5, 5, 10]);
    expect(() => edgeDistances(f, 2, Int32Array.from([0]), Int32Array.from([3]))).toThrow(/edge 0 \(0, 3\) has a vertex outside \[0, 3\)/);
  });

  it('takes the median as numpy does', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('uses sigma = factor x median distance (0.5 by default) and w = exp(-d^2/sigma^2)', () => {
    const d = Float32Array.from([1, 2, 3, 4, 10]);
    const w = gaussianWeights(d);
    expect(w.medianDistance).toBe(3);
    expect(w.sigma).toBe(1.5);
    d.forEach((x, i) => expect(w.weight[i]).toBeCloseTo(Math.exp(-(x * x) / 2.25), 6));
    expect(gaussianWeights(d, { factor: 1 }).sigma).toBe(3);
    const explicit = gaussianWeights(d, { sigma: 2 });
    expect(explicit.sigma).toBe(2);
    expect(explicit.weight[1]).toBeCloseTo(Math.exp(-1), 6);
  });

  it('falls back when the median distance is 0, and rejects bad sigmas', () => {
    expect(resolveSigma(Float32Array.from([0, 0, 0, 2, 4])).sigma).toBe(1.5); // 0.5 x median of non-zero (3)
    expect(resolveSigma(Float32Array.from([0, 0])).sigma).toBe(1);
    expect(gaussianWeights(new Float32Array(0)).weight.length).toBe(0);
    expect(() => gaussianWeights(Float32Array.from([1]), { sigma: 0 })).toThrow(/sigma must be a positive finite number, got 0/);
    expect(() => gaussianWeights(Float32Array.from([1]), { factor: -1 })).toThrow(/sigma factor must be a positive finite number, got -1/);
  });
});
