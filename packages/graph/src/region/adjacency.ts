import type { LabelMap } from './label-map';

/** Pixel neighbourhood that makes two regions adjacent: 4 (edge-sharing) or 8 (also corners). */
export type Connectivity = 4 | 8;

/**
 * Region adjacency graph: vertices are labels, an undirected edge joins two labels whose pixels
 * touch. Edges are unique, stored once with src < dst, sorted by (src, dst); the CSR arrays list
 * every vertex's neighbours (both directions) in ascending order.
 */
export interface RegionAdjacency {
  numVertices: number;
  /** Edge e joins src[e] < dst[e]. */
  src: Int32Array;
  dst: Int32Array;
  /** Neighbours of v: neighbors[offsets[v] .. offsets[v + 1]), ascending. */
  offsets: Int32Array;
  neighbors: Int32Array;
  /** Undirected edge id of each CSR entry (so per-edge values can be read from the CSR side). */
  edgeOf: Int32Array;
}

/** A growable pair of Int32 columns (no per-pair object). */
class PairBuffer {
  u = new Int32Array(1024);
  v = new Int32Array(1024);
  length = 0;
  push(a: number, b: number): void {
    if (this.length === this.u.length) {
      const u = new Int32Array(this.u.length * 2); u.set(this.u); this.u = u;
      const v = new Int32Array(this.v.length * 2); v.set(this.v); this.v = v;
    }
    this.u[this.length] = a; this.v[this.length] = b; this.length++;
  }
}

/**
 * Builds the region adjacency graph of a label map in O(HW + E log d):
 * step 1 scans each pixel's forward neighbours (right, down, and for 8-connectivity both lower
 * diagonals) and records label pairs that differ, skipping a pair equal to the previous one in the
 * same direction (boundaries run along rows, so most repeats go here);
 * step 2 buckets the pairs by their smaller label (counting sort) and removes duplicates with a
 * per-vertex stamp array; step 3 builds the symmetric CSR lists.
 */
export function regionAdjacency(map: LabelMap, connectivity: Connectivity = 4): RegionAdjacency {
  if (connectivity !== 4 && connectivity !== 8) throw new Error(`connectivity must be 4 or 8, got ${String(connectivity)}`);
  const { labels, height: H, width: W, count: N } = map;
  if (labels.length !== H * W) throw new Error(`label map: expected ${H * W} labels, got ${labels.length}`);

  // Step 1: candidate pairs (min, max) from forward neighbours; one "last pair" per direction.
  const pairs = new PairBuffer();
  const diagonal = connectivity === 8;
  const lastU = new Int32Array(4).fill(-1);
  const lastV = new Int32Array(4).fill(-1);
  const emit = (d: number, a: number, b: number): void => {
    const u = a < b ? a : b; const v = a < b ? b : a;
    if (lastU[d] === u && lastV[d] === v) return;
    lastU[d] = u; lastV[d] = v;
    if (u < 0 || v >= N) throw new Error(`label map: label ${u < 0 ? u : v} is outside [0, ${N})`);
    pairs.push(u, v);
  };
  for (let y = 0; y < H; y++) {
    const row = y * W;
    const down = y + 1 < H;
    for (let x = 0; x < W; x++) {
      const p = row + x;
      const a = labels[p];
      if (x + 1 < W) { const b = labels[p + 1]; if (a !== b) emit(0, a, b); }
      if (down) {
        const b = labels[p + W]; if (a !== b) emit(1, a, b);
        if (diagonal) {
          if (x + 1 < W) { const c = labels[p + W + 1]; if (a !== c) emit(2, a, c); }
          if (x > 0) { const c = labels[p + W - 1]; if (a !== c) emit(3, a, c); }
        }
      }
    }
  }

  // Step 2: counting sort by the smaller label, then dedupe each bucket with a stamp array.
  const M = pairs.length;
  const start = new Int32Array(N + 1);
  for (let i = 0; i < M; i++) start[pairs.u[i] + 1]++;
  for (let k = 0; k < N; k++) start[k + 1] += start[k];
  const fill = start.slice(0, N);
  const bucket = new Int32Array(M);
  for (let i = 0; i < M; i++) bucket[fill[pairs.u[i]]++] = pairs.v[i];
  const stamp = new Int32Array(N).fill(-1);
  const src = new Int32Array(M);
  const dst = new Int32Array(M);
  let E = 0;
  for (let u = 0; u < N; u++) {
    const first = E;
    for (let i = start[u]; i < start[u + 1]; i++) {
      const v = bucket[i];
      if (stamp[v] === u) continue;
      stamp[v] = u;
      src[E] = u; dst[E] = v; E++;
    }
    sortRange(dst, first, E);
  }

  // Step 3: symmetric CSR. Edges are sorted by (src, dst), so each list comes out ascending:
  // a vertex first receives its smaller neighbours (as dst) and then its larger ones (as src).
  const offsets = new Int32Array(N + 1);
  for (let e = 0; e < E; e++) { offsets[src[e] + 1]++; offsets[dst[e] + 1]++; }
  for (let k = 0; k < N; k++) offsets[k + 1] += offsets[k];
  const cursor = offsets.slice(0, N);
  const neighbors = new Int32Array(2 * E);
  const edgeOf = new Int32Array(2 * E);
  for (let e = 0; e < E; e++) {
    const u = src[e]; const v = dst[e];
    neighbors[cursor[u]] = v; edgeOf[cursor[u]++] = e;
    neighbors[cursor[v]] = u; edgeOf[cursor[v]++] = e;
  }
  return { numVertices: N, src: src.slice(0, E), dst: dst.slice(0, E), offsets, neighbors, edgeOf };
}

/** Ascending sort of a[lo, hi): insertion sort for the usual handful of neighbours. */
function sortRange(a: Int32Array, lo: number, hi: number): void {
  if (hi - lo > 24) { a.subarray(lo, hi).sort(); return; }
  for (let i = lo + 1; i < hi; i++) {
    const x = a[i];
    let j = i - 1;
    while (j >= lo && a[j] > x) { a[j + 1] = a[j]; j--; }
    a[j + 1] = x;
  }
}

/** Degree of every vertex (number of distinct neighbours). */
export function degrees(g: Pick<RegionAdjacency, 'numVertices' | 'offsets'>): Int32Array {
  const d = new Int32Array(g.numVertices);
  for (let v = 0; v < g.numVertices; v++) d[v] = g.offsets[v + 1] - g.offsets[v];
  return d;
}
