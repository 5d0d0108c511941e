/**
 * Sampled Gaussian derivative kernels in cross-correlation form (what ONNX Conv computes):
 * out(x) = sum_i k[i] f(x + i) for i in [-r, r]. Normalised like vigra's kernels so that, away
 * from borders, smoothing preserves constants, the first derivative of the ramp f(x) = x is 1 and
 * the second derivative of f(x) = x^2 / 2 is 1.
 */
export interface GaussianKernels {
  sigma: number;
  radius: number;
  /** Smoothing, sum 1. */
  g0: Float64Array;
  /** First derivative: sum 0, sum i k[i] = 1. */
  g1: Float64Array;
  /** Second derivative: sum 0, sum (i^2 / 2) k[i] = 1. */
  g2: Float64Array;
}

/** Kernel radius: the Gaussian truncated at 3 sigma (at least 1 tap each side). */
export const kernelRadius = (sigma: number): number => Math.max(1, Math.ceil(3 * sigma));

export function gaussianKernels(sigma: number, radius = kernelRadius(sigma)): GaussianKernels {
  if (!(sigma > 0) || !Number.isFinite(sigma)) throw new Error(`Gaussian sigma must be a positive number, got ${sigma}`);
  const n = 2 * radius + 1;
  const g0 = new Float64Array(n);
  const g1 = new Float64Array(n);
  const g2 = new Float64Array(n);
  const s2 = sigma * sigma;
  for (let j = 0; j < n; j++) {
    const i = j - radius;
    const g = Math.exp(-(i * i) / (2 * s2));
    g0[j] = g;
    g1[j] = i * g;
    g2[j] = (i * i / s2 - 1) * g;
  }
  // Step 1: smoothing sums to 1.
  scale(g0, 1 / sum(g0, (i, k) => k));
  // Step 2: first derivative (odd, so its sum is already 0) scaled to unit response to a ramp.
  scale(g1, 1 / sum(g1, (i, k) => i * k, radius));
  // Step 3: second derivative: remove the DC left by truncation, then unit response to x^2 / 2.
  const mean = sum(g2, (i, k) => k) / n;
  for (let j = 0; j < n; j++) g2[j] -= mean;
  scale(g2, 1 / sum(g2, (i, k) => (i * i / 2) * k, radius));
  return { sigma, radius, g0, g1, g2 };
}

function sum(k: Float64Array, f: (i: number, v: number) => number, radius = (k.length - 1) / 2): number {
  let s = 0;
  for (let j = 0; j < k.length; j++) s += f(j - radius, k[j]);
  return s;
}

function scale(k: Float64Array, c: number): void {
  for (let j = 0; j < k.length; j++) k[j] *= c;
}
