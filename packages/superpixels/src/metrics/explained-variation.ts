import { checkContiguous } from '../labels/compact';
import { checkImage8, Image8 } from '../types';

/**
 * Explained variation (Moore et al., "Superpixel Lattices", CVPR 2008): the share of the image's
 * colour variance kept when every pixel is replaced by its superpixel's mean colour,
 *
 *   EV = sum_S |S| ||mu_S - mu||^2 / sum_i ||x_i - mu||^2,
 *
 * summed over channels (RGB; alpha ignored). 1 for a perfect piecewise-constant fit; 1 when the
 * image is constant (nothing to explain).
 */
export function explainedVariation(superpixels: ArrayLike<number>, image: Image8): number {
  checkImage8(image);
  const { data, width, height, channels } = image;
  const n = width * height;
  if (superpixels.length !== n) throw new Error(`explainedVariation: superpixels have ${superpixels.length} pixels, image is ${width}x${height}`);
  const K = checkContiguous(superpixels);
  const c = channels === 4 ? 3 : channels;
  const sums = new Float64Array(K * c);
  const sizes = new Float64Array(K);
  const mean = new Float64Array(c);
  for (let i = 0; i < n; i++) {
    const k = superpixels[i];
    sizes[k]++;
    const p = i * channels;
    for (let ch = 0; ch < c; ch++) { sums[k * c + ch] += data[p + ch]; mean[ch] += data[p + ch]; }
  }
  for (let ch = 0; ch < c; ch++) mean[ch] /= n;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const p = i * channels;
    for (let ch = 0; ch < c; ch++) { const d = data[p + ch] - mean[ch]; total += d * d; }
  }
  if (total === 0) return 1;
  let between = 0;
  for (let k = 0; k < K; k++) {
    if (sizes[k] === 0) continue;
    for (let ch = 0; ch < c; ch++) { const d = sums[k * c + ch] / sizes[k] - mean[ch]; between += sizes[k] * d * d; }
  }
  return between / total;
}
