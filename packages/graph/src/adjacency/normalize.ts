import { Tensor } from '@seg/tensor';

/** An undirected weighted graph as an edge list (each edge once; weights default to 1). */
export interface EdgeList {
  numVertices: number;
  src: Int32Array;
  dst: Int32Array;
  weight?: Float32Array;
}

export interface NormalizeOptions {
  /** Weight of the self-loop added to every vertex (the "+ I"); 1 as in Kipf & Welling. */
  selfLoop?: number;
}

/**
 * Â in sparse COO form, rows sorted then columns, self-loops included: entry k is
 * Â[rows[k], cols[k]] = values[k]. For a GCN, row = target vertex and column = source vertex
 * ((Â H)_i = Σ_j Â_ij H_j), the layout of torch.sparse_coo_tensor(indices, values).
 */
export interface SparseAdjacency {
  numVertices: number;
  /** int64 [2, E'] = [rows; cols], E' = 2E + N. */
  indices: Tensor<'int64'>;
  /** float32 [E']. */
  values: Tensor<'float32'>;
  rows: Int32Array;
  cols: Int32Array;
}

function checkEdges(g: EdgeList): void {
  const { numVertices: N, src, dst, weight } = g;
  if (!Number.isInteger(N) || N < 0) throw new Error(`adjacency: numVertices must be a non-negative integer, got ${N}`);
  if (src.length !== dst.length) throw new Error(`adjacency: ${src.length} sources but ${dst.length} targets`);
  if (weight && weight.length !== src.length) throw new Error(`adjacency: ${weight.length} weights for ${src.length} edges`);
  for (let e = 0; e < src.length; e++) {
    const u = src[e]; const v = dst[e];
    if (u < 0 || u >= N || v < 0 || v >= N) throw new Error(`adjacency: edge ${e} (${u}, ${v}) has a vertex outside [0, ${N})`);
    if (u === v) throw new Error(`adjacency: edge ${e} is a self-loop on vertex ${u}; self-loops are added by the normalisation`);
    if (weight && !(weight[e] >= 0)) throw new Error(`adjacency: edge ${e} has weight ${weight[e]}; weights must be >= 0`);
  }
}

/** Weighted degrees of A + selfLoop·I (float64). */
export function augmentedDegrees(g: EdgeList, selfLoop = 1): Float64Array {
  const d = new Float64Array(g.numVertices).fill(selfLoop);
  for (let e = 0; e < g.src.length; e++) {
    const w = g.weight ? g.weight[e] : 1;
    d[g.src[e]] += w; d[g.dst[e]] += w;
  }
  return d;
}

function invSqrt(d: Float64Array): Float64Array {
  const out = new Float64Array(d.length);
  for (let i = 0; i < d.length; i++) out[i] = d[i] > 0 ? 1 / Math.sqrt(d[i]) : 0;
  return out;
}

function checkSelfLoop(selfLoop: number): void {
  if (!(selfLoop >= 0) || !Number.isFinite(selfLoop)) throw new Error(`adjacency: selfLoop must be a finite number >= 0, got ${selfLoop}`);
}

/**
 * Symmetric normalised adjacency with self-loops, Â = D^-1/2 (A + I) D^-1/2 with D the degrees
 * of A + I (Kipf & Welling, "Semi-supervised classification with graph convolutional networks",
 * ICLR 2017, eq. 2), as a dense float32 [N, N] tensor. Repeated edges add up.
 */
export function normalizedAdjacencyDense(g: EdgeList, options: NormalizeOptions = {}): Tensor<'float32'> {
  const selfLoop = options.selfLoop ?? 1;
  checkSelfLoop(selfLoop);
  checkEdges(g);
  const N = g.numVertices;
  const s = invSqrt(augmentedDegrees(g, selfLoop));
  const out = new Tensor('float32', [N, N]);
  const a = out.data;
  for (let i = 0; i < N; i++) a[i * N + i] = selfLoop * s[i] * s[i];
  for (let e = 0; e < g.src.length; e++) {
    const u = g.src[e]; const v = g.dst[e];
    const w = (g.weight ? g.weight[e] : 1) * s[u] * s[v];
    a[u * N + v] += w; a[v * N + u] += w;
  }
  return out;
}

/** The same Â as `normalizedAdjacencyDense`, in sparse COO form (2E + N entries). */
export function normalizedAdjacencySparse(g: EdgeList, options: NormalizeOptions = {}): SparseAdjacency {
  const selfLoop = options.selfLoop ?? 1;
  checkSelfLoop(selfLoop);
  checkEdges(g);
  const N = g.numVertices;
  const E = g.src.length;
  const s = invSqrt(augmentedDegrees(g, selfLoop));
  // Step 1: row pointers (each vertex: its self-loop plus one entry per incident edge).
  const ptr = new Int32Array(N + 1);
  for (let i = 0; i < N; i++) ptr[i + 1] = 1;
  for (let e = 0; e < E; e++) { ptr[g.src[e] + 1]++; ptr[g.dst[e] + 1]++; }
  for (let i = 0; i < N; i++) ptr[i + 1] += ptr[i];
  const total = ptr[N];
  const rows = new Int32Array(total);
  const cols = new Int32Array(total);
  const vals = new Float32Array(total);
  const cursor = ptr.slice(0, N);
  const put = (i: number, j: number, v: number): void => { const k = cursor[i]++; rows[k] = i; cols[k] = j; vals[k] = v; };
  // Step 2: scatter self-loops and both directions of every edge into their rows.
  for (let i = 0; i < N; i++) put(i, i, selfLoop * s[i] * s[i]);
  for (let e = 0; e < E; e++) {
    const u = g.src[e]; const v = g.dst[e];
    const w = (g.weight ? g.weight[e] : 1) * s[u] * s[v];
    put(u, v, w); put(v, u, w);
  }
  // Step 3: sort each row by column (insertion sort: rows hold a handful of entries).
  for (let i = 0; i < N; i++) {
    for (let k = ptr[i] + 1; k < ptr[i + 1]; k++) {
      const c = cols[k]; const x = vals[k];
      let j = k - 1;
      while (j >= ptr[i] && cols[j] > c) { cols[j + 1] = cols[j]; vals[j + 1] = vals[j]; j--; }
      cols[j + 1] = c; vals[j + 1] = x;
    }
  }
  const idx = new BigInt64Array(2 * total);
  for (let k = 0; k < total; k++) { idx[k] = BigInt(rows[k]); idx[total + k] = BigInt(cols[k]); }
  return {
    numVertices: N,
    indices: new Tensor('int64', [2, total], idx),
    values: new Tensor('float32', [total], vals),
    rows,
    cols,
  };
}
