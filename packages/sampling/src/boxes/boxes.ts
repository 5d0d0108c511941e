/**
 * Boxes in seg are flat Float32Arrays of N rows [x1, y1, x2, y2] (corner form, pixels, x2 >= x1),
 * the layout mmdetection uses; widths are x2 - x1 (no legacy "+1").
 */
export type Boxes = Float32Array;

/** Number of boxes in a flat [N,4] array; throws naming `what` when the length is not a multiple of 4. */
export function boxCount(boxes: ArrayLike<number>, what = 'boxes'): number {
  if (boxes.length % 4 !== 0) {
    throw new Error(`${what} must be a flat [N,4] array of x1,y1,x2,y2: length ${boxes.length} is not a multiple of 4`);
  }
  return boxes.length / 4;
}

/** Builds a Boxes array from rows, e.g. `boxesFrom([[0, 0, 10, 10]])`. */
export function boxesFrom(rows: readonly (readonly number[])[]): Boxes {
  const out = new Float32Array(rows.length * 4);
  rows.forEach((r, i) => {
    if (r.length !== 4) throw new Error(`box ${i} has ${r.length} coordinates, expected 4 (x1, y1, x2, y2)`);
    out.set(r, i * 4);
  });
  return out;
}

/** Area of every box, (x2 - x1) * (y2 - y1); degenerate boxes have area <= 0 as computed. */
export function boxAreas(boxes: Boxes, out?: Float32Array): Float32Array {
  const n = boxCount(boxes);
  const areas = out ?? new Float32Array(n);
  if (areas.length < n) throw new Error(`boxAreas: output holds ${areas.length} values, need ${n}`);
  for (let i = 0; i < n; i++) {
    const o = i * 4;
    areas[i] = (boxes[o + 2] - boxes[o]) * (boxes[o + 3] - boxes[o + 1]);
  }
  return areas;
}

/** The boxes at `indices`, copied into a new array. */
export function gatherBoxes(boxes: Boxes, indices: ArrayLike<number>): Boxes {
  const n = boxCount(boxes);
  const out = new Float32Array(indices.length * 4);
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k];
    if (!(i >= 0 && i < n)) throw new Error(`gatherBoxes: index ${i} out of range for ${n} boxes`);
    out.set(boxes.subarray(i * 4, i * 4 + 4), k * 4);
  }
  return out;
}
