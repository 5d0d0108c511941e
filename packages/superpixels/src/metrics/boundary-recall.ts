import { boundaryMask, dilateSquare } from '../labels/boundaries';
import { checkLabels, IntegerLabels } from '../types';

/**
 * Boundary recall (Martin et al., TPAMI 2004; as used for superpixels by Achanta et al. 2012 and
 * Neubert & Protzel 2012): the fraction of ground-truth boundary pixels with a superpixel boundary
 * pixel within `tolerance` pixels (Chebyshev distance, i.e. a (2t+1)^2 window). Boundary pixels
 * are those whose right or lower neighbour differs (`boundaryMask`). Returns 1 when the ground
 * truth has no boundary.
 */
export function boundaryRecall(
  superpixels: ArrayLike<number>, groundTruth: IntegerLabels | ArrayLike<number>, width: number, height: number, tolerance = 2,
): number {
  checkLabels(superpixels, width, height, 'superpixels');
  checkLabels(groundTruth, width, height, 'ground truth');
  const near = dilateSquare(boundaryMask(superpixels, width, height), width, height, tolerance);
  const gt = boundaryMask(groundTruth, width, height);
  let total = 0;
  let hit = 0;
  for (let i = 0; i < gt.length; i++) {
    if (gt[i]) {
      total++;
      hit += near[i];
    }
  }
  return total === 0 ? 1 : hit / total;
}
