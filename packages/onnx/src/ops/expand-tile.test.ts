import { GraphBuilder } from '../builder/graph-builder';
import { runAll } from '../testing/run-graph';
import { arange } from '../testing/tensors';
import { expand, tile } from './expand-tile';
import { shape } from './shape';

describe('Expand, Tile', () => {
  it('broadcast to a shape (constant or from Shape) and repeat', async () => {
    const b = new GraphBuilder();
    const x = b.input('x', 'float32', [3, 1]);
    const like = b.input('like', 'float32', ['n', 3, 4]);
    const e = expand(x, [2, 3, 5]);
    const es = expand(x, shape(like));
    const t = tile(x, [2, 3]);
    expect([e.dims, es.dims, t.dims]).toEqual([[2, 3, 5], ['n', 3, 4], [6, 3]]);
    b.output(e, 'e'); b.output(es, 'es'); b.output(t, 't');
    const { values, mismatches } = await runAll(b, { x: arange([3, 1]), like: arange([2, 3, 4]) });
    expect(mismatches).toEqual([]);
    expect(values.es.dims).toEqual([2, 3, 4]);
    expect(values.e.toArray().slice(0, 10)).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
    expect(values.t.toArray()).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2, 0, 0, 0, 1, 1, 1, 2, 2, 2]);
  });

  it('rejects shapes that do not broadcast', () => {
    const b = new GraphBuilder();
    const x = b.input('x', 'float32', [3, 2]);
    expect(() => expand(x, [4, 2])).toThrow(/do not broadcast/);
    expect(() => tile(x, [2])).toThrow(/repeats needs 2 values/);
  });
});
