import { checkLabels } from '../types';

/**
 * Marks boundary pixels of a label map: pixel (x, y) is a boundary pixel when its right or lower
 * 4-neighbour has another label. This one-sided rule gives one-pixel-thick boundaries, the
 * convention of the superpixel benchmark of Stutz et al. (CVIU 2018), and is used for both the
 * superpixels and the ground truth so that boundary recall compares like with like.
 */
export function boundaryMask(labels: ArrayLike<number>, width: number, height: number): Uint8Array {
  checkLabels(labels, width, height);
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    const last = y === height - 1;
    for (let x = 0; x < width; x++) {
      const i = row + x;
      const v = labels[i];
      if ((x + 1 < width && labels[i + 1] !== v) || (!last && labels[i + width] !== v)) out[i] = 1;
    }
  }
  return out;
}

/**
 * Dilates a 0/1 mask by a (2r+1) x (2r+1) square (Chebyshev distance <= r), separably: a row pass
 * then a column pass, each a running count over the window, O(pixels) for any r.
 */
export function dilateSquare(mask: Uint8Array, width: number, height: number, r: number): Uint8Array {
  checkLabels(mask, width, height, 'mask');
  if (!Number.isInteger(r) || r < 0) throw new Error(`dilateSquare: radius must be an integer >= 0, got ${r}`);
  if (r === 0) return mask.slice();
  const tmp = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    let count = 0;
    for (let x = 0; x < Math.min(r, width); x++) count += mask[row + x];
    for (let x = 0; x < width; x++) {
      if (x + r < width) count += mask[row + x + r];
      if (x - r - 1 >= 0) count -= mask[row + x - r - 1];
      tmp[row + x] = count > 0 ? 1 : 0;
    }
  }
  const out = new Uint8Array(width * height);
  for (let x = 0; x < width; x++) {
    let count = 0;
    for (let y = 0; y < Math.min(r, height); y++) count += tmp[y * width + x];
    for (let y = 0; y < height; y++) {
      if (y + r < height) count += tmp[(y + r) * width + x];
      if (y - r - 1 >= 0) count -= tmp[(y - r - 1) * width + x];
      out[y * width + x] = count > 0 ? 1 : 0;
    }
  }
  return out;
}
