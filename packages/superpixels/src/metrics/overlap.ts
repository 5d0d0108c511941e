import { checkContiguous, compactLabels } from '../labels/compact';
import { IntegerLabels } from '../types';

/**
 * The non-zero cells of the contingency table between superpixels S (labels 0..K-1) and
 * ground-truth segments G (any integer labels, renumbered): n(s, g) = |S_s ∩ G_g|. Every
 * region-based superpixel metric is a sum over these cells.
 */
export interface Overlap {
  superpixels: number;
  segments: number;
  pixels: number;
  /** Cell i: superpixel sp[i], ground-truth segment gt[i], |S ∩ G| = n[i]. */
  sp: Int32Array;
  gt: Int32Array;
  n: Int32Array;
  /** |S_s| and |G_g|. */
  spSize: Int32Array;
  gtSize: Int32Array;
}

/**
 * Builds the table in O(N + K + G) without a K x G array: pixels are bucketed by superpixel
 * (counting sort), then each superpixel's ground-truth labels are counted in a G-sized scratch
 * array that is cleared through the list of labels it touched.
 */
export function overlap(superpixels: ArrayLike<number>, groundTruth: IntegerLabels | ArrayLike<number>): Overlap {
  if (superpixels.length !== groundTruth.length) {
    throw new Error(`overlap: superpixels have ${superpixels.length} pixels but the ground truth has ${groundTruth.length}`);
  }
  const K = checkContiguous(superpixels);
  const { labels: g, count: G } = compactLabels(groundTruth);
  const N = superpixels.length;
  const spSize = new Int32Array(K);
  const gtSize = new Int32Array(G);
  for (let i = 0; i < N; i++) { spSize[superpixels[i]]++; gtSize[g[i]]++; }
  // Counting sort of pixel indices by superpixel.
  const start = new Int32Array(K + 1);
  for (let k = 0; k < K; k++) start[k + 1] = start[k] + spSize[k];
  const fill = start.slice(0, K);
  const order = new Int32Array(N);
  for (let i = 0; i < N; i++) order[fill[superpixels[i]]++] = i;
  // Per superpixel: count its ground-truth labels, emit the non-zero cells, clear.
  const scratch = new Int32Array(G);
  const touched = new Int32Array(G);
  let sp = new Int32Array(K + G);
  let gt = new Int32Array(K + G);
  let n = new Int32Array(K + G);
  let cells = 0;
  for (let k = 0; k < K; k++) {
    let t = 0;
    for (let j = start[k]; j < start[k + 1]; j++) {
      const label = g[order[j]];
      if (scratch[label]++ === 0) touched[t++] = label;
    }
    if (cells + t > sp.length) {
      const size = Math.max(2 * sp.length, cells + t);
      const grow = (a: Int32Array) => { const b = new Int32Array(size); b.set(a.subarray(0, cells)); return b; };
      sp = grow(sp); gt = grow(gt); n = grow(n);
    }
    for (let j = 0; j < t; j++) {
      const label = touched[j];
      sp[cells] = k;
      gt[cells] = label;
      n[cells] = scratch[label];
      cells++;
      scratch[label] = 0;
    }
  }
  return { superpixels: K, segments: G, pixels: N, sp: sp.slice(0, cells), gt: gt.slice(0, cells), n: n.slice(0, cells), spSize, gtSize };
}
