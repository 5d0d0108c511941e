import { Image8, IntegerLabels } from '../types';
import { achievableSegmentationAccuracyOf } from './achievable-segmentation-accuracy';
import { boundaryRecall } from './boundary-recall';
import { explainedVariation } from './explained-variation';
import { overlap } from './overlap';
import { undersegmentationErrorOf } from './undersegmentation-error';

/** All benchmark metrics of one superpixel map; ground-truth metrics averaged over annotators. */
export interface SuperpixelScores {
  segments: number;
  boundaryRecall: number;
  undersegmentationError: number;
  achievableSegmentationAccuracy: number;
  explainedVariation: number;
}

/**
 * Scores a superpixel label map against one or more human segmentations of the same image (BSDS
 * gives 4-9 per image): boundary recall (tolerance in pixels), corrected undersegmentation error
 * and ASA are computed per annotator and averaged (the mean over annotators, as in Stutz et al.'s
 * benchmark); explained variation uses the image only.
 */
export function scoreSuperpixels(
  superpixels: Int32Array, width: number, height: number, groundTruths: (IntegerLabels | ArrayLike<number>)[], image: Image8, tolerance = 2,
): SuperpixelScores {
  if (groundTruths.length === 0) throw new Error('scoreSuperpixels: needs at least one ground-truth label map');
  let br = 0;
  let ue = 0;
  let asa = 0;
  let segments = 0;
  for (const gt of groundTruths) {
    const o = overlap(superpixels, gt);
    segments = o.superpixels;
    br += boundaryRecall(superpixels, gt, width, height, tolerance);
    ue += undersegmentationErrorOf(o);
    asa += achievableSegmentationAccuracyOf(o);
  }
  const m = groundTruths.length;
  return {
    segments,
    boundaryRecall: br / m,
    undersegmentationError: ue / m,
    achievableSegmentationAccuracy: asa / m,
    explainedVariation: explainedVariation(superpixels, image),
  };
}
