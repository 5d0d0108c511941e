import { IntegerLabels } from '../types';
import { Overlap, overlap } from './overlap';

/**
 * Undersegmentation error in the "corrected" formulation of Neubert & Protzel ("Superpixel
 * Benchmark and Comparison", Forum Bildverarbeitung 2012):
 *
 *   UE = (1/N) * sum_G sum_{S : S ∩ G ≠ ∅} min(|S ∩ G|, |S \ G|)
 *
 * Each superpixel straddling a ground-truth boundary is charged its smaller side, so a superpixel
 * that leaks a few pixels costs only those few (unlike Levinshtein et al.'s original, which
 * charges the whole superpixel). 0 when every superpixel lies inside one segment.
 */
export function undersegmentationError(superpixels: ArrayLike<number>, groundTruth: IntegerLabels | ArrayLike<number>): number {
  return undersegmentationErrorOf(overlap(superpixels, groundTruth));
}

export function undersegmentationErrorOf(o: Overlap): number {
  let sum = 0;
  for (let c = 0; c < o.n.length; c++) {
    const inside = o.n[c];
    const outside = o.spSize[o.sp[c]] - inside;
    sum += inside < outside ? inside : outside;
  }
  return sum / o.pixels;
}
