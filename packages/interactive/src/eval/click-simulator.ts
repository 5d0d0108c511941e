import { squaredDistanceTransform } from '@seg/tensor';
import type { Click } from '../clicks/click';

/** Ground truth values: object, background, and ignored (GrabCut's 128 band). */
export const GT_BACKGROUND = 0;
export const GT_OBJECT = 1;
export const GT_IGNORE = 2;

/**
 * The standard click simulator of interactive-segmentation evaluation (Xu et al. 2016, as used by
 * f-BRS/RITM): the next click goes to the error pixel farthest from the boundary of its error
 * region (distance transform with the image border treated as boundary); it is positive when the
 * largest missed-object distance is at least the largest false-positive distance, negative
 * otherwise. Ignored ground-truth pixels are never errors. Returns null when there is no error.
 */
export function nextClick(gt: Uint8Array, pred: Uint8Array, width: number, height: number): Click | null {
  const n = width * height;
  if (gt.length !== n || pred.length !== n) throw new Error(`click simulator: masks must be ${width}x${height}`);
  const fn = new Uint8Array(n);
  const fp = new Uint8Array(n);
  let any = false;
  for (let i = 0; i < n; i++) {
    if (gt[i] === GT_IGNORE) continue;
    if (gt[i] === GT_OBJECT && !pred[i]) { fn[i] = 1; any = true; } else if (gt[i] === GT_BACKGROUND && pred[i]) { fp[i] = 1; any = true; }
  }
  if (!any) return null;
  const dfn = squaredDistanceTransform(fn, width, height, true);
  const dfp = squaredDistanceTransform(fp, width, height, true);
  let bestFn = -1, iFn = -1, bestFp = -1, iFp = -1;
  for (let i = 0; i < n; i++) {
    if (fn[i] && dfn[i] > bestFn) { bestFn = dfn[i]; iFn = i; }
    if (fp[i] && dfp[i] > bestFp) { bestFp = dfp[i]; iFp = i; }
  }
  const positive = bestFn >= bestFp;
  const idx = positive ? iFn : iFp;
  return { x: idx % width, y: Math.floor(idx / width), label: positive ? 1 : 0 };
}
