/**
 * Chooses the decision threshold from the training ratios: the probability cut t (on a grid of
 * `bins` steps in (0, 1)) whose predicted area fractions on the training images are closest to
 * their known ratios (mean absolute error). The ratios are the training labels, so this uses no
 * more supervision than the method has; it corrects the bias that the unlabelled band leaves in
 * the probabilities.
 */
export interface WeightedProbabilities {
  /** Probability per element (pixel or superpixel). */
  prob: ArrayLike<number>;
  /** Area of each element (default 1). */
  area?: ArrayLike<number>;
  ratio: number;
}

export function calibrateThreshold(images: readonly WeightedProbabilities[], bins = 100): { threshold: number; mae: number } {
  if (images.length === 0) throw new Error('calibrateThreshold: no images');
  // Per image: area above each grid threshold, from a histogram of the probabilities.
  const maeAt = new Float64Array(bins);
  for (const im of images) {
    const hist = new Float64Array(bins + 1);
    let total = 0;
    for (let i = 0; i < im.prob.length; i++) {
      const a = im.area ? im.area[i] : 1;
      const p = Math.min(1, Math.max(0, im.prob[i]));
      hist[Math.min(bins, Math.floor(p * bins))] += a;
      total += a;
    }
    // above[k] = area with prob >= k / bins, so "prob > t" for t just below k / bins.
    let above = 0;
    for (let k = bins; k >= 1; k--) {
      above += hist[k];
      maeAt[k - 1] += Math.abs(above / Math.max(total, 1e-12) - im.ratio);
    }
  }
  let best = 0;
  for (let k = 1; k < bins; k++) if (maeAt[k] < maeAt[best] - 1e-12) best = k;
  // The grid point k means "prob >= (k + 1) / bins": the cut sits just below it.
  return { threshold: Math.max(1e-6, (best + 1) / bins - 1e-6), mae: maeAt[best] / images.length };
}
