import type { Mask } from '../mask/mask';
// OpenCV outputs for small synthetic inputs, printed by `/usr/bin/python3 scripts/reference/polar.py fixtures`.
import fixtures from './opencv-fixtures.json';

export const opencvFixtures = fixtures as {
  opencv: string;
  contours: { rows: string[]; contours: number[][] }[];
  fills: { poly: number[]; rows: string[] }[];
  polarmask: { rows: string[]; centre: [number, number]; native: number[]; recon: string[] }[];
};

/** A mask from rows of '0'/'1' characters. */
export function maskFromRows(rows: readonly string[]): Mask {
  const height = rows.length, width = rows[0].length;
  const data = new Uint8Array(width * height);
  rows.forEach((r, y) => { for (let x = 0; x < width; x++) data[y * width + x] = r[x] === '1' ? 1 : 0; });
  return { data, width, height };
}

export function rowsOf(mask: Mask): string[] {
  const out: string[] = [];
  for (let y = 0; y < mask.height; y++) {
    let s = '';
    for (let x = 0; x < mask.width; x++) s += mask.data[y * mask.width + x] ? '1' : '0';
    out.push(s);
  }
  return out;
}

/** A filled ellipse / disc mask. */
export function ellipseMask(width: number, height: number, cx: number, cy: number, rx: number, ry = rx): Mask {
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) {
    if (((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1) data[y * width + x] = 1;
  }
  return { data, width, height };
}
