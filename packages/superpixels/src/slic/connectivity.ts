import { compactLabels } from '../labels/compact';
import { checkLabels, LabelMap } from '../types';

/**
 * Connectivity enforcement of SLIC (Achanta et al., TPAMI 2012, section 3.2: disjoint segments are
 * relabelled with the label of the largest neighbouring cluster):
 *
 * 1. scan pixels in raster order; each unvisited pixel starts a 4-connected flood fill over pixels
 *    of its old label, giving one fragment, and notes the largest already-final region it touches;
 * 2. a fragment with fewer than `minSize` pixels joins that neighbour, so the merged region stays
 *    connected;
 * 3. every other fragment gets the next new label.
 *
 * The result has labels 0..count-1 (numbered in raster order of first pixel), each one 4-connected
 * region. Only the fragment at the top-left pixel can have no final neighbour during the scan; if
 * it is small it is merged into a neighbour afterwards. `labels` may hold any integers.
 */
export function enforceConnectivity(labels: ArrayLike<number>, width: number, height: number, minSize: number): LabelMap {
  checkLabels(labels, width, height);
  const copy = compactLabels(labels).labels;
  const count = enforceConnectivityInPlace(copy, width, height, minSize);
  return { labels: copy, width, height, count };
}

/**
 * `enforceConnectivity` overwriting `labels` (values >= 0) with the result; returns the count.
 * `queue` (>= width * height entries) may be a reused scratch buffer.
 */
export function enforceConnectivityInPlace(
  labels: Int32Array, width: number, height: number, minSize: number, queue: Int32Array = new Int32Array(width * height),
): number {
  if (!(minSize >= 0)) throw new Error(`enforceConnectivity: minSize must be >= 0, got ${minSize}`);
  const n = width * height;
  if (queue.length < n) throw new Error(`enforceConnectivity: queue has ${queue.length} entries, needs ${n}`);
  // A visited pixel holds ~finalLabel (< 0), an unvisited one its old label (>= 0), so the scan
  // needs no second label array. One queue serves all flood fills: each fragment is one slice.
  // (A scan-line fill was slower here: SLIC leaves many one-pixel fragments in textured areas, and
  // a second queue of columns instead of p % width gained nothing measurable.)
  let sizes = new Int32Array(1024);
  let qEnd = 0;
  let next = 0;
  let firstSize = 0;
  for (let start = 0; start < n; start++) {
    const old = labels[start];
    if (old < 0) continue;
    // Step 1: breadth-first fill, remembering the largest final region met on the way.
    const mark = ~next;
    let adjacent = -1;
    let adjacentSize = -1;
    const qStart = qEnd;
    queue[qEnd++] = start;
    labels[start] = mark;
    for (let h = qStart; h < qEnd; h++) {
      const p = queue[h];
      const px = p % width;
      let v: number;
      if (px > 0) {
        v = labels[p - 1];
        if (v === old) { labels[p - 1] = mark; queue[qEnd++] = p - 1; }
        else if (v < 0 && v !== mark && sizes[~v] > adjacentSize) { adjacent = ~v; adjacentSize = sizes[adjacent]; }
      }
      if (px + 1 < width) {
        v = labels[p + 1];
        if (v === old) { labels[p + 1] = mark; queue[qEnd++] = p + 1; }
        else if (v < 0 && v !== mark && sizes[~v] > adjacentSize) { adjacent = ~v; adjacentSize = sizes[adjacent]; }
      }
      if (p >= width) {
        v = labels[p - width];
        if (v === old) { labels[p - width] = mark; queue[qEnd++] = p - width; }
        else if (v < 0 && v !== mark && sizes[~v] > adjacentSize) { adjacent = ~v; adjacentSize = sizes[adjacent]; }
      }
      if (p + width < n) {
        v = labels[p + width];
        if (v === old) { labels[p + width] = mark; queue[qEnd++] = p + width; }
        else if (v < 0 && v !== mark && sizes[~v] > adjacentSize) { adjacent = ~v; adjacentSize = sizes[adjacent]; }
      }
    }
    const size = qEnd - qStart;
    if (start === 0) firstSize = size;
    if (size < minSize && adjacent >= 0) {
      // Step 2: the fragment joins its neighbour.
      const m = ~adjacent;
      for (let h = qStart; h < qEnd; h++) labels[queue[h]] = m;
      sizes[adjacent] += size;
    } else {
      // Step 3.
      if (next === sizes.length) { const grown = new Int32Array(2 * next); grown.set(sizes); sizes = grown; }
      sizes[next++] = size;
    }
  }
  // Back from ~label to label; the top-left fragment, if small, joins a neighbour (its pixels are
  // queue[0..firstSize)) and the labels above it shift down by one to stay contiguous.
  let target = -1;
  if (firstSize < minSize && next > 1) {
    for (let h = 0; h < firstSize && target < 0; h++) {
      const p = queue[h];
      if ((p % width) + 1 < width && labels[p + 1] !== -1) target = ~labels[p + 1];
      else if (p + width < n && labels[p + width] !== -1) target = ~labels[p + width];
    }
  }
  if (target > 0) {
    for (let i = 0; i < n; i++) {
      const v = ~labels[i];
      labels[i] = v === 0 ? target - 1 : v - 1;
    }
    next--;
  } else {
    for (let i = 0; i < n; i++) labels[i] = ~labels[i];
  }
  return next;
}
