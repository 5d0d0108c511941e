import { Tensor } from '@seg/tensor';
import { GraphBuilder } from '../builder/graph-builder';
import { runAll } from '../testing/run-graph';
import { argMax, argMin } from './arg-reduce';

describe('ArgMax, ArgMin', () => {
  it('return int64 positions, first or last on ties, with or without kept dims', async () => {
    const b = new GraphBuilder();
    const x = b.input('x', 'float32', [2, 4]);
    const a = argMax(x, 1);
    const k = argMax(x, 1, { keepdims: true, selectLastIndex: true });
    const m = argMin(x, 0);
    expect([a.dims, k.dims, m.dims]).toEqual([[2], [2, 1], [4]]);
    b.output(a, 'a'); b.output(k, 'k'); b.output(m, 'm');
    const { values, mismatches } = await runAll(b, { x: Tensor.fromArray('float32', [2, 4], [1, 5, 5, 0, 2, 2, 1, 2]) });
    expect(mismatches).toEqual([]);
    expect(values.a.toArray()).toEqual([1, 0]);
    expect(values.k.toArray()).toEqual([2, 3]);
    expect(values.m.toArray()).toEqual([0, 1, 1, 0]);
  });
});
