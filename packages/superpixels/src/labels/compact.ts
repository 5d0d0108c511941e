import { IntegerLabels } from '../types';

/**
 * Renumbers any integer label map to 0..count-1 in order of first appearance (raster order), so
 * that metrics can index per-label arrays. Label values themselves are arbitrary (BSDS uses 1..N).
 */
export function compactLabels(labels: IntegerLabels | ArrayLike<number>): { labels: Int32Array; count: number } {
  const n = labels.length;
  const out = new Int32Array(n);
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = labels[i];
    if (!Number.isInteger(v)) throw new Error(`compactLabels: label at pixel ${i} is ${v}, expected an integer`);
    if (v < min) min = v;
    if (v > max) max = v;
  }
  let count = 0;
  if (n > 0 && max - min < 1 << 24) {
    // Dense lookup table when the value range is small (always for 8/16-bit label images).
    const map = new Int32Array(max - min + 1).fill(-1);
    for (let i = 0; i < n; i++) {
      const v = labels[i] - min;
      let id = map[v];
      if (id < 0) { id = count++; map[v] = id; }
      out[i] = id;
    }
  } else {
    const map = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const v = labels[i];
      let id = map.get(v);
      if (id === undefined) { id = count++; map.set(v, id); }
      out[i] = id;
    }
  }
  return { labels: out, count };
}

/** Number of labels if `labels` already uses exactly 0..count-1, else an Error naming the gap. */
export function checkContiguous(labels: ArrayLike<number>, what = 'superpixel labels'): number {
  let max = -1;
  for (let i = 0; i < labels.length; i++) {
    const v = labels[i];
    if (!Number.isInteger(v) || v < 0) throw new Error(`${what}: pixel ${i} has label ${v}, expected an integer >= 0`);
    if (v > max) max = v;
  }
  const seen = new Uint8Array(max + 1);
  for (let i = 0; i < labels.length; i++) seen[labels[i]] = 1;
  for (let k = 0; k <= max; k++) if (!seen[k]) throw new Error(`${what}: labels are not contiguous, ${k} is unused but ${max} is used`);
  return max + 1;
}
