import { checkMask, Mask } from '../mask/mask';

// The 8 neighbour directions, counterclockwise on screen starting East (y points down):
// 0 E, 1 NE, 2 N, 3 NW, 4 W, 5 SW, 6 S, 7 SE.
const DX = [1, 1, 0, -1, -1, -1, 0, 1];
const DY = [0, -1, -1, -1, 0, 1, 1, 1];

/**
 * Follows the outer border of the 8-connected component containing the pixel (x0, y0), which must be
 * an outer-border start: foreground with a background (or out-of-image) left neighbour, e.g. the
 * component's first pixel in raster order. This is the border following of Suzuki & Abe,
 * "Topological structural analysis of digitized binary images by border following" (CVGIP 1985),
 * the algorithm behind OpenCV's findContours, so the points (pixel centres, x,y interleaved, each
 * border pixel once per visit, CHAIN_APPROX_NONE) are OpenCV's for that component.
 */
export function traceOuterBorder(mask: Mask, x0: number, y0: number): Int32Array {
  checkMask(mask);
  const { width: w, height: h, data } = mask;
  const fg = (x: number, y: number): boolean => x >= 0 && y >= 0 && x < w && y < h && data[y * w + x] !== 0;
  if (!fg(x0, y0)) throw new Error(`traceOuterBorder: start pixel (${x0}, ${y0}) is not on the object`);
  if (fg(x0 - 1, y0)) throw new Error(`traceOuterBorder: start pixel (${x0}, ${y0}) has an object pixel on its left, so it does not start an outer border`);

  // Step 1: clockwise from the West neighbour, the first object pixel is the border's last pixel.
  let first = -1;
  for (let k = 1; k <= 8; k++) {
    const d = (4 - k) & 7;
    if (fg(x0 + DX[d], y0 + DY[d])) { first = d; break; }
  }
  if (first < 0) return Int32Array.from([x0, y0]); // an isolated pixel
  const x1 = x0 + DX[first], y1 = y0 + DY[first];

  // Step 2: walk the border, searching counterclockwise from just after the pixel we came from.
  const out: number[] = [];
  let x = x0, y = y0, back = first;
  const limit = 8 * w * h + 16;
  for (let steps = 0; ; steps++) {
    if (steps > limit) throw new Error('traceOuterBorder: border following did not close (internal error)');
    let d = -1;
    for (let k = 1; k <= 8; k++) {
      const c = (back + k) & 7;
      if (fg(x + DX[c], y + DY[c])) { d = c; break; }
    }
    out.push(x, y);
    const nx = x + DX[d], ny = y + DY[d];
    if (nx === x0 && ny === y0 && x === x1 && y === y1) break;
    back = (d + 4) & 7;
    x = nx; y = ny;
  }
  return Int32Array.from(out);
}
