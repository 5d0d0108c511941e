import { squaredDistanceTransform as tensorSquaredDistanceTransform } from '@seg/tensor';
import { checkMask, Mask } from '../mask/mask';

/**
 * Exact squared Euclidean distance from every object pixel to the nearest background pixel
 * (0 on background), with @seg/tensor's Felzenszwalb–Huttenlocher transform. Outside the image
 * counts as background, so objects touching the border are measured to it.
 */
export function squaredDistanceTransform(mask: Mask): Float64Array {
  checkMask(mask);
  return tensorSquaredDistanceTransform(mask.data, mask.width, mask.height, true);
}

/** The object pixel farthest from the background (the centre of the largest inscribed disc); null when empty. */
export function distancePeak(mask: Mask): [number, number] | null {
  const d = squaredDistanceTransform(mask);
  let best = -1, at = -1;
  for (let i = 0; i < d.length; i++) if (d[i] > best) { best = d[i]; at = i; }
  if (best <= 0) return null;
  return [at % mask.width, Math.floor(at / mask.width)];
}
