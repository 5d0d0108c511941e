import { findOuterContours } from '@seg/polar';
import { simplifyClosedPolygon } from './simplify-polygon';

export interface OutlinePolygon {
  /** Vertices x,y interleaved (pixel centres of the border, simplified), clockwise on screen. */
  points: number[];
  /** Pixels of the connected component it bounds. */
  pixels: number;
}

/**
 * The mask's outline as polygons: the outer border of each 8-connected component (Suzuki–Abe
 * border following, @seg/polar) simplified to `tolerance` pixels, largest component first, at
 * most `maxPolygons`. Holes are not listed: the mask PNG is exact, the outline is for drawing.
 */
export function maskOutline(mask: Uint8Array, width: number, height: number, options: { tolerance?: number; maxPolygons?: number } = {}): OutlinePolygon[] {
  const tolerance = options.tolerance ?? 1;
  const maxPolygons = options.maxPolygons ?? 100;
  const contours = findOuterContours({ data: mask, width, height });
  contours.sort((a, b) => b.pixels - a.pixels);
  return contours.slice(0, maxPolygons).map((c) => ({ points: simplifyClosedPolygon(c.points, tolerance), pixels: c.pixels }));
}
