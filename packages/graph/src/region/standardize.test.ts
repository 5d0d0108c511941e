import { Rng } from '@seg/tensor';
import { ColumnStatsAccumulator, columnStats, concatColumns, standardizeColumns } from './standardize';

describe('feature standardisation', () => {
  const rng = new Rng(4);
  const a = Float32Array.from({ length: 30 * 3 }, (_, i) => rng.normal(i % 3, 1 + (i % 3)));
  const b = Float32Array.from({ length: 11 * 3 }, (_, i) => rng.normal(5, 2) + (i % 3));

  it('gives each column mean 0 and std 1', () => {
    const z = standardizeColumns(a, 30, 3);
    const s = columnStats(z, 30, 3);
    for (let c = 0; c < 3; c++) { expect(s.mean[c]).toBeCloseTo(0, 5); expect(s.std[c]).toBeCloseTo(1, 5); }
  });

  it('accumulates set statistics over batches exactly as over the concatenation', () => {
    const acc = new ColumnStatsAccumulator(3).add(a, 30).add(b, 11);
    const all = new Float32Array(a.length + b.length); all.set(a); all.set(b, a.length);
    const ref = columnStats(all, 41, 3);
    const got = acc.stats();
    for (let c = 0; c < 3; c++) { expect(got.mean[c]).toBeCloseTo(ref.mean[c], 10); expect(got.std[c]).toBeCloseTo(ref.std[c], 10); }
    expect(acc.count).toBe(41);
  });

  it('only centres a constant column, and concatenates column blocks', () => {
    const x = Float32Array.from([1, 5, 2, 5, 3, 5]);
    const z = standardizeColumns(x, 3, 2);
    expect([...z].filter((_, i) => i % 2 === 1)).toEqual([0, 0, 0]);
    expect([...concatColumns(Float32Array.from([1, 2]), 1, Float32Array.from([3, 4, 5, 6]), 2, 2)]).toEqual([1, 3, 4, 2, 5, 6]);
    expect(() => standardizeColumns(x, 3, 2, { mean: new Float64Array(3), std: new Float64Array(3) })).toThrow(/stats have 3 columns, the matrix has 2/);
  });
});
