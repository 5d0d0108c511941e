import { Tensor } from '@seg/tensor';
import { GraphBuilder } from '../builder/graph-builder';
import { runAll } from '../testing/run-graph';
import { maxOf, mean, minOf, sum } from './variadic';

describe('Sum, Mean, Max, Min (variadic)', () => {
  it('broadcast over all inputs', async () => {
    const b = new GraphBuilder();
    const x = b.input('x', 'float32', [2, 1]);
    const y = b.input('y', 'float32', [3]);
    const z = b.input('z', 'float32', [1, 3]);
    const outs = { s: sum([x, y, z]), m: mean([x, y, z]), mx: maxOf([x, y, z]), mn: minOf([x, y, z]) };
    for (const [n, v] of Object.entries(outs)) { expect(v.dims).toEqual([2, 3]); b.output(v, n); }
    const { values, mismatches } = await runAll(b, {
      x: Tensor.fromArray('float32', [2, 1], [0, 6]), y: Tensor.fromArray('float32', [3], [1, 2, 3]), z: Tensor.fromArray('float32', [1, 3], [5, 1, 0]),
    });
    expect(mismatches).toEqual([]);
    expect(values.s.toArray()).toEqual([6, 3, 3, 12, 9, 9]);
    expect(values.m.toArray()).toEqual([2, 1, 1, 4, 3, 3]);
    expect(values.mx.toArray()).toEqual([5, 2, 3, 6, 6, 6]);
    expect(values.mn.toArray()).toEqual([0, 0, 0, 1, 1, 0]);
  });

  it('rejects mixed dtypes', () => {
    const b = new GraphBuilder();
    expect(() => sum([b.input('a', 'float32', [2]), b.input('c', 'int64', [2])])).toThrow(/share one dtype/);
    expect(() => sum([])).toThrow(/at least one input/);
  });
});
