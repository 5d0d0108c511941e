import { Rng } from '@seg/tensor';
import { denseMatMul, sparseMatMul } from './matmul';
import { augmentedDegrees, EdgeList, normalizedAdjacencyDense, normalizedAdjacencySparse } from './normalize';

function randomGraph(n: number, p: number, seed: number): EdgeList {
  const rng = new Rng(seed);
  const src: number[] = []; const dst: number[] = []; const w: number[] = [];
  for (let u = 0; u < n; u++) for (let v = u + 1; v < n; v++) if (rng.random() < p) { src.push(u); dst.push(v); w.push(rng.random()); }
  return { numVertices: n, src: Int32Array.from(src), dst: Int32Array.from(dst), weight: Float32Array.from(w) };
}

describe('normalised adjacency D^-1/2 (A + I) D^-1/2', () => {
  const g = randomGraph(13, 0.3, 7);

  it('matches the textbook formula on a small graph', () => {
    // Path 0 - 1 - 2 with unit weights: degrees of A + I are 2, 3, 2.
    const a = normalizedAdjacencyDense({ numVertices: 3, src: Int32Array.from([0, 1]), dst: Int32Array.from([1, 2]) });
    const r = Math.sqrt;
    const expected = [1 / 2, 1 / r(6), 0, 1 / r(6), 1 / 3, 1 / r(6), 0, 1 / r(6), 1 / 2];
    a.data.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 6));
  });

  it('is symmetric and has sqrt(d) as an eigenvector of eigenvalue 1', () => {
    const n = g.numVertices;
    const a = normalizedAdjacencyDense(g).data;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) expect(a[i * n + j]).toBeCloseTo(a[j * n + i], 7);
    const d = augmentedDegrees(g);
    const s = Float32Array.from(d, Math.sqrt);
    const y = denseMatMul(a, n, s, 1);
    y.forEach((v, i) => expect(v).toBeCloseTo(s[i], 5));
  });

  it('gives the same matrix in sparse COO form, rows then columns sorted, self-loops included', () => {
    const n = g.numVertices;
    const dense = normalizedAdjacencyDense(g).data;
    const sp = normalizedAdjacencySparse(g);
    expect(sp.indices.dims).toEqual([2, 2 * g.src.length + n]);
    expect(sp.values.dims).toEqual([2 * g.src.length + n]);
    const rebuilt = new Float32Array(n * n);
    for (let k = 0; k < sp.rows.length; k++) {
      rebuilt[sp.rows[k] * n + sp.cols[k]] += sp.values.data[k];
      expect(Number(sp.indices.data[k])).toBe(sp.rows[k]);
      expect(Number(sp.indices.data[sp.rows.length + k])).toBe(sp.cols[k]);
      if (k > 0) expect(sp.rows[k - 1] < sp.rows[k] || (sp.rows[k - 1] === sp.rows[k] && sp.cols[k - 1] < sp.cols[k])).toBe(true);
    }
    rebuilt.forEach((v, i) => expect(v).toBeCloseTo(dense[i], 7));
    const h = Float32Array.from({ length: n * 3 }, (_, i) => Math.sin(i));
    const y1 = sparseMatMul(sp, h, 3); const y2 = denseMatMul(dense, n, h, 3);
    y1.forEach((v, i) => expect(v).toBeCloseTo(y2[i], 5));
  });

  it('honours the self-loop weight and rejects self-loop edges and negative weights', () => {
    const one = { numVertices: 2, src: Int32Array.from([0]), dst: Int32Array.from([1]) };
    const a = normalizedAdjacencyDense(one, { selfLoop: 0 }).data;
    expect([...a]).toEqual([0, 1, 1, 0]);
    expect(() => normalizedAdjacencySparse({ numVertices: 2, src: Int32Array.from([1]), dst: Int32Array.from([1]) })).toThrow(/edge 0 is a self-loop on vertex 1/);
    expect(() => normalizedAdjacencyDense({ ...one, weight: Float32Array.from([-1]) })).toThrow(/edge 0 has weight -1/);
    expect(() => normalizedAdjacencyDense({ ...one, dst: Int32Array.from([2]) })).toThrow(/edge 0 \(0, 2\) has a vertex outside \[0, 2\)/);
  });
});
