import { Rng } from '@seg/tensor';
import { GraphBuilder } from '../builder/graph-builder';
import { runAll } from '../testing/run-graph';
import { maxAbsDiff, randn } from '../testing/tensors';
import { gemm, matmul } from './matmul';

describe('MatMul, Gemm', () => {
  it('multiply with batch broadcasting and transposes', async () => {
    const rng = new Rng(9);
    const b = new GraphBuilder();
    const a = b.input('a', 'float32', [2, 1, 3, 4]);
    const c = b.input('c', 'float32', [5, 4, 2]);
    const m = matmul(a, c);
    expect(m.dims).toEqual([2, 5, 3, 2]);
    const p = b.input('p', 'float32', [4, 3]);
    const q = b.input('q', 'float32', [2, 4]);
    const g = gemm(p, q, b.input('bias', 'float32', [2]), { transA: true, transB: true });
    expect(g.dims).toEqual([3, 2]);
    b.output(m, 'm'); b.output(g, 'g');
    const [at, ct, pt, qt, bt] = [[2, 1, 3, 4], [5, 4, 2], [4, 3], [2, 4], [2]].map((d) => randn(rng, d));
    const { values, mismatches } = await runAll(b, { a: at, c: ct, p: pt, q: qt, bias: bt });
    expect(mismatches).toEqual([]);
    const ref: number[] = [];
    for (let i = 0; i < 3; i++) for (let j = 0; j < 2; j++) {
      let s = bt.data[j];
      for (let k = 0; k < 4; k++) s += pt.data[k * 3 + i] * qt.data[j * 4 + k];
      ref.push(s);
    }
    expect(maxAbsDiff(values.g.data as Float32Array, ref)).toBeLessThan(1e-5);
    let s = 0; for (let k = 0; k < 4; k++) s += at.data[(1 * 3 + 2) * 4 + k] * ct.data[(3 * 4 + k) * 2 + 1];
    expect(values.m.get(1, 3, 2, 1)).toBeCloseTo(s, 5);
  });

  it('names mismatched inner dimensions', () => {
    const b = new GraphBuilder();
    expect(() => matmul(b.input('a', 'float32', [3, 4]), b.input('c', 'float32', [5, 2]))).toThrow(/inner dimensions differ: \[3, 4\] x \[5, 2\]/);
  });
});
