import { checkMask, Mask } from '../mask/mask';

/** Mean pixel-centre position of the object's pixels (its centre of mass); null for an empty mask. */
export function massCentre(mask: Mask): [number, number] | null {
  checkMask(mask);
  const { width: w, height: h, data } = mask;
  let n = 0, sx = 0, sy = 0;
  for (let y = 0; y < h; y++) {
    let rowCount = 0, rowSx = 0;
    for (let x = 0, i = y * w; x < w; x++, i++) if (data[i] !== 0) { rowCount++; rowSx += x; }
    n += rowCount; sx += rowSx; sy += rowCount * y;
  }
  return n === 0 ? null : [sx / n, sy / n];
}
