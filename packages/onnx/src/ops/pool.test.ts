import { GraphBuilder } from '../builder/graph-builder';
import { runAll } from '../testing/run-graph';
import { arange } from '../testing/tensors';
import { averagePool, globalAveragePool, maxPool, maxPoolWithIndices } from './pool';

describe('MaxPool, AveragePool, GlobalAveragePool', () => {
  it('pool with ceil mode, padding and flat indices', async () => {
    const b = new GraphBuilder();
    const x = b.input('x', 'float32', [1, 2, 5, 5]);
    const [mp, idx] = maxPoolWithIndices(x, { kernel: [2, 2], strides: [2, 2], ceilMode: true });
    const ap = averagePool(x, { kernel: [3, 3], pads: [1, 1, 1, 1], strides: [2, 2] });
    const gp = globalAveragePool(x);
    const m2 = maxPool(x, { kernel: [3, 3], strides: [1, 1] });
    expect([mp.dims, idx.dims, ap.dims, gp.dims, m2.dims]).toEqual([[1, 2, 3, 3], [1, 2, 3, 3], [1, 2, 3, 3], [1, 2, 1, 1], [1, 2, 3, 3]]);
    b.output(mp, 'mp'); b.output(idx, 'idx'); b.output(ap, 'ap'); b.output(gp, 'gp');
    const { values, mismatches } = await runAll(b, { x: arange([1, 2, 5, 5]) });
    expect(mismatches).toEqual([]);
    expect(values.mp.toArray().slice(0, 3)).toEqual([6, 8, 9]);
    expect(values.idx.toArray().slice(9, 12)).toEqual([31, 33, 34]); // flat NCHW positions in channel 1
    expect(values.ap.get(0, 0, 0, 0)).toBeCloseTo((0 + 1 + 5 + 6) / 4, 5); // padding excluded
    expect(values.gp.toArray()).toEqual([12, 37]);
  });
});
