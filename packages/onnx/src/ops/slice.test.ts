import { GraphBuilder } from '../builder/graph-builder';
import { runAll } from '../testing/run-graph';
import { arange } from '../testing/tensors';
import { slice, sliceLength } from './slice';

describe('Slice', () => {
  it('slices with negative indices, negative steps and open ends, matching numpy semantics', async () => {
    const b = new GraphBuilder();
    const x = b.input('x', 'float32', [4, 6]);
    const rev = slice(x, [-1], [-Infinity], [1], [-1]); // x[:, ::-1]
    const mid = slice(x, [1, 5], [-1, 0], [0, 1], [1, -2]); // x[1:-1, 5:0:-2]
    const tail = slice(x, [2], [100]); // x[2:]
    const none = slice(x, [3], [1], [0]); // empty
    expect(rev.dims).toEqual([4, 6]);
    expect(mid.dims).toEqual([2, 3]);
    expect(tail.dims).toEqual([2, 6]);
    expect(none.dims).toEqual([0, 6]);
    for (const [v, n] of [[rev, 'rev'], [mid, 'mid'], [tail, 'tail'], [none, 'none']] as const) b.output(v, n);
    const { values, mismatches } = await runAll(b, { x: arange([4, 6]) });
    expect(mismatches).toEqual([]);
    const at = (i: number, j: number) => i * 6 + j;
    expect(values.rev.toArray().slice(0, 6)).toEqual([5, 4, 3, 2, 1, 0]);
    expect(values.mid.toArray()).toEqual([at(1, 5), at(1, 3), at(1, 1), at(2, 5), at(2, 3), at(2, 1)]);
    expect(values.tail.toArray()[0]).toBe(12);
  });

  it('keeps symbolic dims for open slices and computes lengths like Python', () => {
    const b = new GraphBuilder();
    const x = b.input('x', 'float32', ['n', 8]);
    expect(slice(x, [0, 2], [Infinity, 8]).dims).toEqual(['n', 6]);
    expect(sliceLength(10, -3, -1e15, -1)).toBe(8);
    expect(sliceLength(5, 7, 9, 1)).toBe(0);
    expect(() => slice(x, [0], [1], [0], [0])).toThrow(/steps\[0\] is 0/);
  });
});
