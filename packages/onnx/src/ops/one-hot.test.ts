import { GraphBuilder } from '../builder/graph-builder';
import { runAll } from '../testing/run-graph';
import { ints } from '../testing/tensors';
import { oneHot } from './one-hot';

describe('OneHot', () => {
  it('encodes on any axis, negative indices counting from the end', async () => {
    const b = new GraphBuilder();
    const i = b.input('i', 'int64', [2, 3]);
    const oh = oneHot(i, 4);
    const oh1 = oneHot(i, 4, { axis: 1, dtype: 'int64' });
    expect([oh.dims, oh1.dims, oh1.dtype]).toEqual([[2, 3, 4], [2, 4, 3], 'int64']);
    b.output(oh, 'oh'); b.output(oh1, 'oh1');
    const { values, mismatches } = await runAll(b, { i: ints([2, 3], [0, 3, 1, 2, 2, -1]) });
    expect(mismatches).toEqual([]);
    expect(values.oh.toArray().slice(0, 8)).toEqual([1, 0, 0, 0, 0, 0, 0, 1]);
    expect(values.oh.toArray().slice(20)).toEqual([0, 0, 0, 1]);
    expect(values.oh1.toArray().slice(0, 3)).toEqual([1, 0, 0]);
  });
});
