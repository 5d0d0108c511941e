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
  /** Raster size, needed when a mask post-processing is calibrated with it. */
  width?: number;
  height?: number;
}

/** A post-processing of the thresholded mask (e.g. fillHoles) that the threshold is calibrated through. */
export type MaskPostprocess = (mask: Uint8Array, width: number, height: number) => Uint8Array;

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

/**
 * calibrateThreshold through a mask post-processing: the fractions are measured on
 * post(prob > t), so the cut accounts for what the post-processing adds (filled holes). A coarse
 * grid (0.05) is refined by 0.01 around its best point; rasters need width and height.
 */
export function calibrateThresholdWith(images: readonly WeightedProbabilities[], post: MaskPostprocess): { threshold: number; mae: number } {
  if (images.length === 0) throw new Error('calibrateThresholdWith: no images');
  for (const [i, im] of images.entries()) {
    if (im.area) throw new Error(`calibrateThresholdWith: image ${i} has element areas; post-processing needs a pixel raster`);
    if (!im.width || !im.height || im.width * im.height !== im.prob.length) throw new Error(`calibrateThresholdWith: image ${i} needs width x height = ${im.prob.length} probabilities, got ${im.width}x${im.height}`);
  }
  // one thresholded-mask buffer for every image and cut (post() returns a new mask)
  const mask = new Uint8Array(Math.max(...images.map((im) => im.prob.length)));
  const maeAt = (t: number): number => {
    let sum = 0;
    for (const im of images) {
      const n = im.prob.length;
      for (let i = 0; i < n; i++) mask[i] = im.prob[i] > t ? 1 : 0;
      const out = post(mask.subarray(0, n), im.width!, im.height!);
      let fg = 0;
      for (let i = 0; i < n; i++) fg += out[i];
      sum += Math.abs(fg / n - im.ratio);
    }
    return sum / images.length;
  };
  let best = { threshold: 0.5, mae: Infinity };
  const consider = (t: number): void => {
    const mae = maeAt(t);
    if (mae < best.mae - 1e-12) best = { threshold: t, mae };
  };
  for (let k = 1; k < 20; k++) consider(k / 20);
  const centre = best.threshold;
  for (let k = -4; k <= 4; k++) if (k !== 0) consider(Math.min(0.99, Math.max(0.01, centre + k / 100)));
  return best;
}
