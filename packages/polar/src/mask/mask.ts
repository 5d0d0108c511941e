/**
 * A binary mask: `data[y * width + x]` is nonzero on the object. Geometry in @seg/polar uses pixel
 * coordinates in which pixel (row y, column x) has its CENTRE at the point (x, y) and covers
 * [x - 0.5, x + 0.5] x [y - 0.5, y + 0.5] (OpenCV's contour convention); y points down.
 */
export interface Mask {
  data: Uint8Array;
  width: number;
  height: number;
}

/** Checks a mask's shape, naming what is wrong. */
export function checkMask(mask: Mask, what = 'mask'): Mask {
  if (!mask || !(mask.data instanceof Uint8Array)) throw new Error(`${what} must have Uint8Array data`);
  const { width, height } = mask;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 0 || height < 0) {
    throw new Error(`${what} size must be non-negative integers, got ${width} x ${height}`);
  }
  if (mask.data.length !== width * height) {
    throw new Error(`${what} data has ${mask.data.length} values but ${width} x ${height} = ${width * height} pixels`);
  }
  return mask;
}

export function emptyMask(width: number, height: number): Mask {
  return { data: new Uint8Array(width * height), width, height };
}

/** Number of nonzero pixels. */
export function maskArea(mask: Mask): number {
  let n = 0;
  const d = mask.data;
  for (let i = 0; i < d.length; i++) if (d[i] !== 0) n++;
  return n;
}

/** Intersection over union of two masks of one size (1 when both are empty). */
export function maskIou(a: Mask, b: Mask): number {
  checkMask(a, 'mask a');
  checkMask(b, 'mask b');
  if (a.width !== b.width || a.height !== b.height) throw new Error(`maskIou: sizes differ, ${a.width}x${a.height} vs ${b.width}x${b.height}`);
  let inter = 0, union = 0;
  const da = a.data, db = b.data;
  for (let i = 0; i < da.length; i++) {
    const x = da[i] !== 0, y = db[i] !== 0;
    if (x && y) inter++;
    if (x || y) union++;
  }
  return union === 0 ? 1 : inter / union;
}
