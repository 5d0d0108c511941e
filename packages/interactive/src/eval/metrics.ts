import { GT_IGNORE, GT_OBJECT } from './click-simulator';

/** IoU of a binary prediction against ground truth, ignoring GT_IGNORE pixels. */
export function maskIoU(gt: Uint8Array, pred: Uint8Array): number {
  let inter = 0, union = 0;
  for (let i = 0; i < gt.length; i++) {
    if (gt[i] === GT_IGNORE) continue;
    const g = gt[i] === GT_OBJECT; const p = pred[i] !== 0;
    if (g && p) inter++;
    if (g || p) union++;
  }
  return union === 0 ? 1 : inter / union;
}

/**
 * Number of clicks to reach an IoU threshold (NoC@85, NoC@90): the 1-based index of the first
 * click whose IoU reaches it, or `maxClicks` when it is never reached (the literature's convention).
 */
export function numberOfClicks(ious: readonly number[], threshold: number, maxClicks: number): number {
  for (let i = 0; i < ious.length && i < maxClicks; i++) if (ious[i] >= threshold) return i + 1;
  return maxClicks;
}

/** Mean IoU after k clicks; runs that stopped early (already perfect) keep their last IoU. */
export function iouAfter(ious: readonly number[], k: number): number {
  if (ious.length === 0) return 0;
  return ious[Math.min(k, ious.length) - 1];
}
