/** Polygons are flat [x0, y0, x1, y1, ...] arrays, implicitly closed. */
export type Polygon = Float64Array | Float32Array | Int32Array;

export function vertexCount(poly: ArrayLike<number>, what = 'polygon'): number {
  if (poly.length % 2 !== 0) throw new Error(`${what} must be a flat x,y array: length ${poly.length} is odd`);
  return poly.length / 2;
}

/** Signed area by the shoelace formula (positive when counterclockwise in x-right/y-up axes). */
export function polygonSignedArea(poly: ArrayLike<number>): number {
  const n = vertexCount(poly);
  let s = 0;
  for (let i = 0, j = n - 1; i < n; j = i++) s += poly[j * 2] * poly[i * 2 + 1] - poly[i * 2] * poly[j * 2 + 1];
  return s / 2;
}

/** |signed area|: what OpenCV's contourArea returns for a contour. */
export function polygonArea(poly: ArrayLike<number>): number {
  return Math.abs(polygonSignedArea(poly));
}

/** Area centroid of a simple polygon; null when its area is 0. */
export function polygonCentroid(poly: ArrayLike<number>): [number, number] | null {
  const n = vertexCount(poly);
  let a = 0, cx = 0, cy = 0;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const f = poly[j * 2] * poly[i * 2 + 1] - poly[i * 2] * poly[j * 2 + 1];
    a += f;
    cx += (poly[j * 2] + poly[i * 2]) * f;
    cy += (poly[j * 2 + 1] + poly[i * 2 + 1]) * f;
  }
  if (a === 0) return null;
  return [cx / (3 * a), cy / (3 * a)];
}
