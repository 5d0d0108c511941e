import type { ImageU8 } from '@seg/tensor';
import { haematoxylin } from '../color/stain-deconvolution';
import { otsuThreshold } from '../threshold/otsu';

/**
 * The classical baseline: Otsu's threshold on the haematoxylin channel of a Ruifrok & Johnston
 * colour deconvolution, at the image's full resolution. Needs no training and no ratio.
 */
export function otsuHaematoxylin(image: ImageU8): { mask: Uint8Array; threshold: number; ratio: number } {
  const h = haematoxylin(image.data, image.width, image.height, image.channels);
  const { threshold } = otsuThreshold(h);
  const mask = new Uint8Array(h.length);
  let n = 0;
  for (let i = 0; i < h.length; i++) if (h[i] > threshold) { mask[i] = 1; n++; }
  return { mask, threshold, ratio: n / Math.max(1, h.length) };
}
