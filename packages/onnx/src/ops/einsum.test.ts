import { Rng } from '@seg/tensor';
import { GraphBuilder } from '../builder/graph-builder';
import { runAll } from '../testing/run-graph';
import { maxAbsDiff, randn } from '../testing/tensors';
import { einsum, einsumDims } from './einsum';

describe('Einsum', () => {
  it('infers shapes from the equation (explicit, implicit, ellipsis)', () => {
    expect(einsumDims('bij,bjk->bik', [[2, 3, 4], [2, 4, 5]])).toEqual([2, 3, 5]);
    expect(einsumDims('ij,jk', [[3, 4], [4, 5]])).toEqual([3, 5]);
    expect(einsumDims('...ij,...jk->...ik', [['n', 1, 3, 4], [7, 4, 2]])).toEqual(['n', 7, 3, 2]);
    expect(einsumDims('ii->i', [[3, 3]])).toEqual([3]);
    expect(einsumDims('ij->', [[3, 3]])).toEqual([]);
    expect(() => einsumDims('ij,jk->ik', [[3, 4], [5, 2]])).toThrow(/label 'j' is 4 in one place and 5/);
    expect(() => einsumDims('ij->iz', [[3, 4]])).toThrow(/output label 'z'/);
  });

  it('computes a batched contraction and a transpose-sum like a hand-written loop', async () => {
    const rng = new Rng(5);
    const b = new GraphBuilder();
    const a = b.input('a', 'float32', [2, 3, 4]);
    const c = b.input('c', 'float32', [2, 4, 5]);
    const y = einsum('bij,bjk->bik', a, c);
    const t = einsum('bij->jb', a);
    b.output(y, 'y'); b.output(t, 't');
    const at = randn(rng, [2, 3, 4]); const ct = randn(rng, [2, 4, 5]);
    const { values, mismatches } = await runAll(b, { a: at, c: ct });
    expect(mismatches).toEqual([]);
    const ref = new Float64Array(2 * 3 * 5);
    for (let bb = 0; bb < 2; bb++) for (let i = 0; i < 3; i++) for (let k = 0; k < 5; k++) {
      let s = 0;
      for (let j = 0; j < 4; j++) s += at.data[(bb * 3 + i) * 4 + j] * ct.data[(bb * 4 + j) * 5 + k];
      ref[(bb * 3 + i) * 5 + k] = s;
    }
    expect(maxAbsDiff(values.y.data as Float32Array, ref)).toBeLessThan(1e-5);
    const tref: number[] = [];
    for (let j = 0; j < 4; j++) for (let bb = 0; bb < 2; bb++) { let s = 0; for (let i = 0; i < 3; i++) s += at.data[(bb * 3 + i) * 4 + j]; tref.push(s); }
    expect(maxAbsDiff(values.t.data as Float32Array, tref)).toBeLessThan(1e-5);
  });
});
