/**
 * Otsu's threshold (N. Otsu, "A threshold selection method from gray-level histograms", IEEE
 * Trans. SMC 9(1), 1979): the cut of a histogram that maximises the between-class variance
 * w0·w1·(μ0 − μ1)². Float values are binned over [min, max]; the threshold returned is the upper
 * edge of the last bin of the lower class, so `value > threshold` is the upper class.
 */
export interface OtsuResult {
  threshold: number;
  /** Between-class variance at the threshold (in squared value units, over bin centres). */
  variance: number;
}

export function otsuThreshold(values: ArrayLike<number>, bins = 256): OtsuResult {
  if (!Number.isInteger(bins) || bins < 2) throw new Error(`otsuThreshold: bins must be an integer >= 2, got ${bins}`);
  const n = values.length;
  if (n === 0) throw new Error('otsuThreshold: no values');
  let lo = Infinity; let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) throw new Error(`otsuThreshold: value ${i} is ${v}`);
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo === hi) return { threshold: lo, variance: 0 };
  // Step 1: histogram over [lo, hi].
  const width = (hi - lo) / bins;
  const hist = new Float64Array(bins);
  for (let i = 0; i < n; i++) hist[Math.min(bins - 1, Math.floor((values[i] - lo) / width))]++;
  // Step 2: sweep the cut, with running class weight and sum of bin centres.
  let total = 0;
  for (let k = 0; k < bins; k++) total += hist[k] * (lo + (k + 0.5) * width);
  let w0 = 0; let s0 = 0; let best = -1; let bestK = 0;
  for (let k = 0; k < bins - 1; k++) {
    w0 += hist[k];
    s0 += hist[k] * (lo + (k + 0.5) * width);
    const w1 = n - w0;
    if (w0 === 0 || w1 === 0) continue;
    const d = s0 / w0 - (total - s0) / w1;
    const between = (w0 / n) * (w1 / n) * d * d;
    if (between > best) { best = between; bestK = k; }
  }
  return { threshold: lo + (bestK + 1) * width, variance: Math.max(best, 0) };
}
