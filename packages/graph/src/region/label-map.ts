/**
 * A label map: one integer label per pixel, row-major H x W, labels 0..count-1 (a superpixel
 * segmentation, say). Labels need not all occur: an absent label is a vertex of area 0.
 */
export interface LabelMap {
  labels: Int32Array;
  height: number;
  width: number;
  /** Number of vertices: max label + 1 unless given larger. */
  count: number;
}

/**
 * Checks a label array and wraps it as a LabelMap. `count` defaults to max label + 1; labels must
 * be integers in [0, count).
 */
export function labelMap(labels: Int32Array, height: number, width: number, count?: number): LabelMap {
  if (!(labels instanceof Int32Array)) throw new Error(`label map: expected an Int32Array of labels, got ${Object.prototype.toString.call(labels)}`);
  if (!Number.isInteger(height) || !Number.isInteger(width) || height < 1 || width < 1) {
    throw new Error(`label map: height and width must be positive integers, got ${height} x ${width}`);
  }
  if (labels.length !== height * width) {
    throw new Error(`label map: expected ${height} x ${width} = ${height * width} labels, got ${labels.length}`);
  }
  let max = -1;
  for (let p = 0; p < labels.length; p++) {
    const l = labels[p];
    if (l < 0) throw new Error(`label map: labels must be >= 0, got ${l} at pixel (${Math.floor(p / width)}, ${p % width})`);
    if (l > max) max = l;
  }
  const n = count ?? max + 1;
  if (!Number.isInteger(n) || n < max + 1) throw new Error(`label map: count ${n} is less than max label + 1 = ${max + 1}`);
  return { labels, height, width, count: n };
}

/**
 * Renumbers labels to 0..K-1 in order of first appearance (row-major), dropping absent labels.
 * Returns the new map and `original[k]`, the input label of new label k.
 */
export function relabelSequential(labels: Int32Array | ArrayLike<number>, height: number, width: number): { map: LabelMap; original: Int32Array } {
  if (labels.length !== height * width) throw new Error(`relabelSequential: expected ${height * width} labels, got ${labels.length}`);
  const remap = new Map<number, number>();
  const out = new Int32Array(labels.length);
  const original: number[] = [];
  let prev = NaN;
  let prevNew = -1;
  for (let p = 0; p < labels.length; p++) {
    const l = labels[p];
    // Runs of equal labels are common; skip the map look-up for them.
    if (l === prev) { out[p] = prevNew; continue; }
    let k = remap.get(l);
    if (k === undefined) {
      if (!Number.isFinite(l)) throw new Error(`relabelSequential: label ${l} at pixel ${p} is not finite`);
      k = original.length;
      remap.set(l, k);
      original.push(l);
    }
    out[p] = k; prev = l; prevNew = k;
  }
  return { map: { labels: out, height, width, count: original.length }, original: Int32Array.from(original) };
}
