import { Tensor } from '@seg/tensor';
import { GraphBuilder } from '../builder/graph-builder';
import { runAll } from '../testing/run-graph';
import { gatherND } from './gather';
import { transpose } from './shape-ops';
import { nonzero } from './nonzero';

describe('NonZero', () => {
  it('returns [rank, count] indices with a symbolic count that flows into later ops', async () => {
    const b = new GraphBuilder();
    const x = b.input('x', 'float32', [2, 3]);
    const nz = nonzero(x);
    expect(nz.dims).toEqual([2, 'nonzero(x)']);
    const picked = gatherND(x, transpose(nz, [1, 0]));
    expect(picked.dims).toEqual(['nonzero(x)']);
    b.output(nz, 'nz'); b.output(picked, 'picked');
    const { values, mismatches } = await runAll(b, { x: Tensor.fromArray('float32', [2, 3], [0, 2, 0, 3, 0, 4]) });
    expect(mismatches).toEqual([]);
    expect(values.nz.dims).toEqual([2, 3]);
    expect(values.nz.toArray()).toEqual([0, 1, 1, 1, 0, 2]);
    expect(values.picked.toArray()).toEqual([2, 3, 4]);
  });
});
