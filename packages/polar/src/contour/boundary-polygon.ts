import { checkMask, Mask } from '../mask/mask';

/**
 * The exact outer boundary of the 8-connected component whose first raster pixel is (x0, y0), as the
 * polygon running along pixel edges (the "crack" boundary): the component is exactly the set of
 * pixels whose centres lie inside it (holes aside). Vertices are pixel corners, (x +- 0.5, y +- 0.5)
 * in pixel-centre coordinates, one per change of direction, clockwise on screen. Diagonal contacts
 * are walked around so that the polygon stays one 8-connected piece (touching itself at a corner).
 */
export function outerBoundaryPolygon(mask: Mask, x0: number, y0: number): Float64Array {
  checkMask(mask);
  const { width: w, height: h, data } = mask;
  const fg = (x: number, y: number): boolean => x >= 0 && y >= 0 && x < w && y < h && data[y * w + x] !== 0;
  if (!fg(x0, y0) || fg(x0, y0 - 1) || fg(x0 - 1, y0)) {
    throw new Error(`outerBoundaryPolygon: (${x0}, ${y0}) must be an object pixel with background above and to the left (a component's first raster pixel)`);
  }
  // Walk corner to corner with the object on the right. Corner (X, Y) is the top-left corner of
  // pixel (X, Y); headings 0 E, 1 S, 2 W, 3 N. At each corner, with the two pixels ahead:
  // ahead-left is object -> turn left; else ahead-right is object -> straight; else turn right.
  const HX = [1, 0, -1, 0], HY = [0, 1, 0, -1];
  const out: number[] = [];
  let X = x0, Y = y0, heading = 0;
  const limit = 4 * (w + 1) * (h + 1) + 8;
  for (let steps = 0; ; steps++) {
    if (steps > limit) throw new Error('outerBoundaryPolygon: boundary did not close (internal error)');
    X += HX[heading]; Y += HY[heading];
    // pixels around corner (X, Y): TL (X-1, Y-1), TR (X, Y-1), BL (X-1, Y), BR (X, Y)
    let left: boolean, right: boolean;
    switch (heading) {
      case 0: left = fg(X, Y - 1); right = fg(X, Y); break;
      case 1: left = fg(X, Y); right = fg(X - 1, Y); break;
      case 2: left = fg(X - 1, Y); right = fg(X - 1, Y - 1); break;
      default: left = fg(X - 1, Y - 1); right = fg(X, Y - 1); break;
    }
    const next = left ? (heading + 3) & 3 : right ? heading : (heading + 1) & 3;
    if (next !== heading) out.push(X - 0.5, Y - 0.5);
    heading = next;
    if (X === x0 && Y === y0 && heading === 0) break;
  }
  return Float64Array.from(out);
}
