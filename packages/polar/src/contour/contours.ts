import { componentRuns } from '../mask/components';
import { checkMask, Mask } from '../mask/mask';
import { polygonArea } from '../geometry/polygon';
import { traceOuterBorder } from './trace-border';

export interface Contour {
  /** Border pixel centres, x,y interleaved, in border-following order. */
  points: Int32Array;
  /** Polygon area of the points (OpenCV's contourArea). */
  area: number;
  /** Pixel count of the component it bounds. */
  pixels: number;
}

/** The outer contour of every 8-connected component, in raster order of their first pixels. */
export function findOuterContours(mask: Mask): Contour[] {
  checkMask(mask);
  const c = componentRuns(mask, 8);
  const out: Contour[] = [];
  for (let k = 1; k <= c.count; k++) {
    const p = c.firstPixel[k];
    const points = traceOuterBorder(mask, p % mask.width, Math.floor(p / mask.width));
    out.push({ points, area: polygonArea(points), pixels: c.sizes[k] });
  }
  return out;
}

/**
 * The outer contour of the largest component: by polygon area (as PolarMask's target code picks
 * OpenCV's largest contour) or by pixel count. Ties go to the first in raster order; null when empty.
 */
export function largestOuterContour(mask: Mask, by: 'area' | 'pixels' = 'pixels'): Contour | null {
  const all = findOuterContours(mask);
  if (all.length === 0) return null;
  let best = all[0];
  for (const c of all) if ((by === 'area' ? c.area > best.area : c.pixels > best.pixels)) best = c;
  return best;
}
