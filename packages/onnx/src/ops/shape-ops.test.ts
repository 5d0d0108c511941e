import { GraphBuilder } from '../builder/graph-builder';
import { runAll } from '../testing/run-graph';
import { arange } from '../testing/tensors';
import { concat, flatten, reshape, squeeze, transpose, unsqueeze } from './shape-ops';
import { shape } from './shape';

describe('Concat, Reshape, Flatten, Transpose, (Un)Squeeze', () => {
  it('rearrange like numpy', async () => {
    const b = new GraphBuilder();
    const x = b.input('x', 'float32', [2, 3, 4]);
    const outs = {
      cat: concat([x, x], 1), rs: reshape(x, [0, -1]), fl: flatten(x, 2), tr: transpose(x, [2, 0, 1]),
      un: unsqueeze(x, [0, -1]), sq: squeeze(unsqueeze(x, [1]), [1]),
    };
    expect(Object.values(outs).map((v) => v.dims)).toEqual([[2, 6, 4], [2, 12], [6, 4], [4, 2, 3], [1, 2, 3, 4, 1], [2, 3, 4]]);
    for (const [n, v] of Object.entries(outs)) b.output(v, n);
    const xt = arange([2, 3, 4]);
    const { values, mismatches } = await runAll(b, { x: xt });
    expect(mismatches).toEqual([]);
    expect(values.tr.get(3, 1, 2)).toBe(xt.get(1, 2, 3));
    expect(values.cat.get(1, 4, 2)).toBe(xt.get(1, 1, 2));
  });

  it('rejects impossible reshapes and bad perms', () => {
    const b = new GraphBuilder();
    const x = b.input('x', 'float32', [2, 3, 4]);
    expect(() => reshape(x, [5, -1])).toThrow(/cannot reshape \[2, 3, 4\]/);
    expect(() => transpose(x, [0, 0, 1])).toThrow(/not a permutation/);
  });
});

describe('Reshape with symbolic dims', () => {
  it('cancels symbolic factors and accepts op.shape values', async () => {
    const b = new GraphBuilder();
    const x = b.input('x', 'float32', ['n', 3, 4]);
    expect(reshape(x, [0, -1]).dims).toEqual(['n', 12]);
    expect(reshape(x, [-1, 4]).dims).toEqual(['3*n', 4]);
    const y = b.input('y', 'float32', ['n', 12]);
    const back = b.node1('Reshape', [y, shape(x)]);
    expect(back.dims).toEqual(['n', 3, 4]);
    b.output(back, 'back');
    const { mismatches } = await runAll(b, { x: arange([2, 3, 4]), y: arange([2, 12]) });
    expect(mismatches).toEqual([]);
  });
});
