import { GraphBuilder } from '../builder/graph-builder';
import { runAll } from '../testing/run-graph';
import { arange } from '../testing/tensors';
import { split, splitEqual } from './split';

describe('Split', () => {
  it('splits by sizes (opset 13 input form) and equally', async () => {
    const b = new GraphBuilder();
    const x = b.input('x', 'float32', [2, 7]);
    const [a, c, d] = split(x, [2, 0, 5], 1);
    expect([a.dims, c.dims, d.dims]).toEqual([[2, 2], [2, 0], [2, 5]]);
    const [p, q] = splitEqual(x, 2, 0);
    b.output(a, 'a'); b.output(d, 'd'); b.output(p, 'p'); b.output(q, 'q');
    const { values, mismatches } = await runAll(b, { x: arange([2, 7]) });
    expect(mismatches).toEqual([]);
    expect(values.a.toArray()).toEqual([0, 1, 7, 8]);
    expect(values.q.toArray()).toEqual([7, 8, 9, 10, 11, 12, 13]);
  });

  it('rejects sizes that do not add up', () => {
    const b = new GraphBuilder();
    const x = b.input('x', 'float32', [2, 7]);
    expect(() => split(x, [3, 3], 1)).toThrow(/sum to 6, axis 1 .* has 7/);
    expect(() => splitEqual(x, 2, 1)).toThrow(/does not split into 2/);
  });
});
