import { Tensor } from '@seg/tensor';
import { GraphBuilder } from '../builder/graph-builder';
import { runAll } from '../testing/run-graph';
import { topk } from './topk';

describe('TopK', () => {
  it('returns the k largest or smallest values with their indices', async () => {
    const b = new GraphBuilder();
    const x = b.input('x', 'float32', [2, 5]);
    const big = topk(x, 2);
    const small = topk(x, 3, { largest: false, axis: 1 });
    expect([big.values.dims, big.indices.dims, small.values.dims]).toEqual([[2, 2], [2, 2], [2, 3]]);
    expect(big.indices.dtype).toBe('int64');
    b.output(big.values, 'bv'); b.output(big.indices, 'bi'); b.output(small.values, 'sv'); b.output(small.indices, 'si');
    const { values, mismatches } = await runAll(b, { x: Tensor.fromArray('float32', [2, 5], [3, 9, 1, 7, 5, 0, -1, 4, 2, 8]) });
    expect(mismatches).toEqual([]);
    expect(values.bv.toArray()).toEqual([9, 7, 8, 4]);
    expect(values.bi.toArray()).toEqual([1, 3, 4, 2]);
    expect(values.sv.toArray()).toEqual([1, 3, 5, -1, 0, 2]);
    expect(values.si.toArray()).toEqual([2, 0, 4, 1, 0, 3]);
  });

  it('rejects k larger than the axis', () => {
    const b = new GraphBuilder();
    expect(() => topk(b.input('x', 'float32', [2, 5]), 6)).toThrow(/K = 6 is outside \[0, 5\]/);
  });
});
