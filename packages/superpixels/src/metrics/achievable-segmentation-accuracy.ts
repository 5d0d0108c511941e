import { IntegerLabels } from '../types';
import { Overlap, overlap } from './overlap';

/**
 * Achievable segmentation accuracy (Liu et al., "Entropy Rate Superpixel Segmentation", CVPR
 * 2011): the pixel accuracy of the best segmentation that labels each superpixel with one
 * ground-truth segment, ASA = (1/N) * sum_S max_G |S ∩ G|. 1 when superpixels never straddle.
 */
export function achievableSegmentationAccuracy(superpixels: ArrayLike<number>, groundTruth: IntegerLabels | ArrayLike<number>): number {
  return achievableSegmentationAccuracyOf(overlap(superpixels, groundTruth));
}

export function achievableSegmentationAccuracyOf(o: Overlap): number {
  const best = new Int32Array(o.superpixels);
  for (let c = 0; c < o.n.length; c++) if (o.n[c] > best[o.sp[c]]) best[o.sp[c]] = o.n[c];
  let sum = 0;
  for (let k = 0; k < best.length; k++) sum += best[k];
  return sum / o.pixels;
}
