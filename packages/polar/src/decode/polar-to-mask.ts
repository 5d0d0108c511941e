import type { Mask } from '../mask/mask';
import { FillRule, fillPolygon } from '../raster/fill-polygon';
import { fillPolygonOpenCV } from '../raster/fill-polygon-opencv';
import { polarToPolygon } from './polar-to-polygon';

export interface PolarToMaskOptions {
  /**
   * 'centres' (default): pixels whose centres lie inside the polygon (exact, sub-pixel vertices).
   * 'opencv': OpenCV's filled drawContours of the integer-truncated polygon, as PolarMask decodes.
   */
  raster?: 'centres' | 'opencv';
  rule?: FillRule;
}

/** Rasterises the polygon of n rays from (cx, cy) into a width x height mask. */
export function polarToMask(cx: number, cy: number, distances: ArrayLike<number>, width: number, height: number, options: PolarToMaskOptions = {}): Mask {
  const poly = polarToPolygon(cx, cy, distances);
  const raster = options.raster ?? 'centres';
  if (raster === 'opencv') return fillPolygonOpenCV(poly, width, height);
  if (raster !== 'centres') throw new Error(`polarToMask: unknown raster '${String(raster)}'; expected 'centres' or 'opencv'`);
  return fillPolygon(poly, width, height, { rule: options.rule });
}
