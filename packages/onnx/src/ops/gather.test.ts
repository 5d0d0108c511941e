import { GraphBuilder } from '../builder/graph-builder';
import { runAll } from '../testing/run-graph';
import { arange, ints } from '../testing/tensors';
import { gather, gatherElements, gatherND } from './gather';

describe('Gather, GatherElements, GatherND', () => {
  it('select what numpy take / take_along_axis / fancy indexing select', async () => {
    const b = new GraphBuilder();
    const x = b.input('x', 'float32', [3, 4]);
    const i = b.input('i', 'int64', [2, 2]);
    const e = b.input('e', 'int64', [3, 2]);
    const nd = b.input('nd', 'int64', [2, 2]);
    const g0 = gather(x, i, 0);
    const g1 = gather(x, i, 1);
    const ge = gatherElements(x, e, 1);
    const gn = gatherND(x, nd);
    const gnRows = gatherND(x, b.constant(ints([2, 1], [2, 0])));
    expect([g0.dims, g1.dims, ge.dims, gn.dims, gnRows.dims]).toEqual([[2, 2, 4], [3, 2, 2], [3, 2], [2], [2, 4]]);
    for (const [v, n] of [[g0, 'g0'], [g1, 'g1'], [ge, 'ge'], [gn, 'gn'], [gnRows, 'rows']] as const) b.output(v, n);
    const { values, mismatches } = await runAll(b, {
      x: arange([3, 4]), i: ints([2, 2], [2, 0, -1, 1]), e: ints([3, 2], [3, 0, 1, 1, 2, 0]), nd: ints([2, 2], [1, 2, 2, 3]),
    });
    expect(mismatches).toEqual([]);
    expect(values.g0.toArray()).toEqual([8, 9, 10, 11, 0, 1, 2, 3, 8, 9, 10, 11, 4, 5, 6, 7]);
    expect(values.g1.toArray().slice(0, 4)).toEqual([2, 0, 3, 1]);
    expect(values.ge.toArray()).toEqual([3, 0, 5, 5, 10, 8]);
    expect(values.gn.toArray()).toEqual([6, 11]);
    expect(values.rows.toArray()).toEqual([8, 9, 10, 11, 0, 1, 2, 3]);
  });

  it('infers batch_dims shapes and rejects float indices', () => {
    const b = new GraphBuilder();
    const x = b.input('x', 'float32', ['n', 5, 6, 7]);
    expect(gatherND(x, b.input('i', 'int64', ['n', 3, 2]), 1).dims).toEqual(['n', 3, 7]);
    expect(() => gather(x, b.input('f', 'float32', [2]))).toThrow(/indices must be int32 or int64, got float32/);
  });
});
