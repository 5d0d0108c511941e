import type { SparseAdjacency } from './normalize';

/**
 * Reference products used to check GCN graphs: Â·H for a sparse COO Â and for a dense [N, N] Â,
 * with H an [N, F] row-major matrix. Float64 accumulation.
 */
export function sparseMatMul(adj: Pick<SparseAdjacency, 'numVertices' | 'rows' | 'cols'> & { values: { data: Float32Array } }, h: Float32Array, f: number): Float32Array {
  const N = adj.numVertices;
  if (h.length !== N * f) throw new Error(`sparseMatMul: expected H of ${N} x ${f} = ${N * f} values, got ${h.length}`);
  const acc = new Float64Array(N * f);
  const v = adj.values.data;
  for (let k = 0; k < adj.rows.length; k++) {
    const i = adj.rows[k] * f; const j = adj.cols[k] * f; const w = v[k];
    for (let c = 0; c < f; c++) acc[i + c] += w * h[j + c];
  }
  return Float32Array.from(acc);
}

export function denseMatMul(a: Float32Array, n: number, h: Float32Array, f: number): Float32Array {
  if (a.length !== n * n || h.length !== n * f) throw new Error(`denseMatMul: expected A ${n} x ${n} and H ${n} x ${f}, got ${a.length} and ${h.length} values`);
  const acc = new Float64Array(n * f);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
    const w = a[i * n + j];
    if (w === 0) continue;
    for (let c = 0; c < f; c++) acc[i * f + c] += w * h[j * f + c];
  }
  return Float32Array.from(acc);
}
