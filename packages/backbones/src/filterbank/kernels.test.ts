import { gaussianKernels, kernelRadius } from './kernels';

const moment = (k: Float64Array, p: number) => {
  const r = (k.length - 1) / 2;
  let s = 0;
  k.forEach((v, j) => { s += v * (j - r) ** p; });
  return s;
};

describe('Gaussian derivative kernels', () => {
  it.each([0.7, 1, 1.6, 3.5, 10])('sigma %p: radius 3 sigma, unit responses to 1, x and x^2/2', (sigma) => {
    const k = gaussianKernels(sigma);
    expect(k.radius).toBe(kernelRadius(sigma));
    expect(k.radius).toBe(Math.ceil(3 * sigma));
    expect(moment(k.g0, 0)).toBeCloseTo(1, 12);
    expect(moment(k.g1, 0)).toBeCloseTo(0, 12);
    expect(moment(k.g1, 1)).toBeCloseTo(1, 12);
    expect(moment(k.g2, 0)).toBeCloseTo(0, 12);
    expect(moment(k.g2, 1)).toBeCloseTo(0, 12);
    expect(moment(k.g2, 2) / 2).toBeCloseTo(1, 12);
    // Symmetric smoothing and second derivative, antisymmetric first derivative.
    for (let j = 0; j < k.g0.length; j++) {
      const m = k.g0.length - 1 - j;
      expect(k.g0[j]).toBeCloseTo(k.g0[m], 14);
      expect(k.g1[j]).toBeCloseTo(-k.g1[m], 14);
      expect(k.g2[j]).toBeCloseTo(k.g2[m], 14);
    }
    // The smoothing kernel is the sampled Gaussian: its variance is close to sigma^2 (truncated at 3 sigma).
    if (sigma >= 1) expect(Math.abs(moment(k.g0, 2) / sigma ** 2 - 1)).toBeLessThan(0.05);
  });

  it('rejects non-positive sigma', () => {
    expect(() => gaussianKernels(0)).toThrow(/positive number, got 0/);
    expect(() => gaussianKernels(NaN)).toThrow(/positive number/);
  });
});
