import { createNodeSession } from '@seg/runtime/node';
import { Rng } from '@seg/tensor';
import { clickRows, denseRows } from '../clicks/rows';
import { clickSamples } from '../clicks/sample';
import type { FeatureGrid } from '../features/feature-grid';
import { CellGram } from './cell-gram';
import { engineProducts, scriptProducts } from './products';

function randomGrid(rng: Rng, w: number, h: number, c: number): FeatureGrid {
  const data = new Float32Array(w * h * c);
  rng.fillNormal(data);
  return { width: w, height: h, channels: c, data, imageWidth: w * 8, imageHeight: h * 8 };
}

const clicks = [{ x: 20.5, y: 13, label: 1 }, { x: 3, y: 40, label: 0 }, { x: 55, y: 30, label: 1 }];

describe('sparse rows, cell Gram matrix and cell products', () => {
  it('sparse rows reproduce clickSamples (disc, border, balancing) when every border cell is kept', () => {
    const grid = randomGrid(new Rng(1), 8, 6, 5);
    const rows = clickRows(grid, clicks, { discRadius: 1, borderWeight: 2, borderStride: 1 });
    const set = clickSamples(grid, clicks, { discRadius: 1, borderWeight: 2 });
    expect(rows.count).toBe(set.count);
    expect(Array.from(rows.labels)).toEqual(Array.from(set.labels));
    const dense = denseRows(grid, rows);
    for (let i = 0; i < dense.length; i++) expect(dense[i]).toBeCloseTo(set.features[i], 5);
    for (let i = 0; i < rows.count; i++) expect(rows.weights[i]).toBeCloseTo(set.weights[i], 6);
    expect(Array.from(rows.source.slice(0, 5))).toEqual([0, 0, 0, 0, 0]);
    expect(rows.source[rows.count - 1]).toBe(-1);
    // every other border cell
    expect(clickRows(grid, clicks, { borderStride: 2 }).count).toBe(rows.count - 12);
  });

  it('the Gram matrix of the rows equals X Xᵀ + constant, built incrementally as clicks arrive', async () => {
    const grid = randomGrid(new Rng(2), 8, 6, 7);
    const gram = new CellGram(grid, scriptProducts(), 4); // a small capacity forces growth
    for (let k = 1; k <= clicks.length; k++) {
      const rows = clickRows(grid, clicks.slice(0, k));
      const g = await gram.rowGram(rows, 9);
      const x = denseRows(grid, rows);
      const n = rows.count, C = grid.channels;
      for (let i = 0; i < n; i += 3) for (let j = 0; j < n; j += 2) {
        let s = 9;
        for (let c = 0; c < C; c++) s += x[i * C + c] * x[j * C + c];
        expect(g[i * n + j]).toBeCloseTo(s, 4);
      }
    }
  });

  it('engine products (ONNX Gather + Gemm) match the script ones', async () => {
    const grid = randomGrid(new Rng(3), 9, 7, 33);
    const engine = engineProducts((bytes, label) => createNodeSession(bytes, { threads: 1 }, label));
    const script = scriptProducts();
    const a = Int32Array.from([0, 5, 62]), b = Int32Array.from([1, 2, 3, 62]);
    const pe = await engine.products(grid, a, b), ps = await script.products(grid, a, b);
    expect(pe.length).toBe(12);
    for (let i = 0; i < 12; i++) expect(pe[i]).toBeCloseTo(ps[i], 4);
    const w = new Float32Array(2 * 33);
    new Rng(4).fillNormal(w);
    const je = await engine.project(grid, w, 2), js = await script.project(grid, w, 2);
    expect(je.length).toBe(63 * 2);
    for (let i = 0; i < je.length; i++) expect(je[i]).toBeCloseTo(js[i], 4);
    await engine.release();
  });
});
