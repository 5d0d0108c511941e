import { GraphBuilder } from '../builder/graph-builder';
import { runAll } from '../testing/run-graph';
import { arange } from '../testing/tensors';
import { pad, padSpatial } from './pad';

describe('Pad', () => {
  it('pads in constant, reflect and edge modes and crops with negative pads', async () => {
    const b = new GraphBuilder();
    const x = b.input('x', 'float32', [1, 4]);
    const c = pad(x, [0, 2, 0, 1], { value: -1 });
    const r = pad(x, [0, 2, 0, 3], { mode: 'reflect' });
    const e = pad(x, [1, 1, 0, 2], { mode: 'edge' });
    const crop = pad(x, [0, -1, 0, -1]);
    expect([c.dims, r.dims, e.dims, crop.dims]).toEqual([[1, 7], [1, 9], [2, 7], [1, 2]]);
    for (const [v, n] of [[c, 'c'], [r, 'r'], [e, 'e'], [crop, 'crop']] as const) b.output(v, n);
    const { values, mismatches } = await runAll(b, { x: arange([1, 4]) });
    expect(mismatches).toEqual([]);
    expect(values.c.toArray()).toEqual([-1, -1, 0, 1, 2, 3, -1]);
    expect(values.r.toArray()).toEqual([2, 1, 0, 1, 2, 3, 2, 1, 0]);
    expect(values.e.toArray()).toEqual([0, 0, 1, 2, 3, 3, 3, 0, 0, 1, 2, 3, 3, 3]);
    expect(values.crop.toArray()).toEqual([1, 2]);
  });

  it('pads spatial axes of NCHW and rejects reflect pads as large as the axis', () => {
    const b = new GraphBuilder();
    const x = b.input('x', 'float32', ['n', 3, 4, 5]);
    expect(padSpatial(x, [1, 2, 3, 4]).dims).toEqual(['n', 3, 8, 11]);
    expect(() => padSpatial(x, [4, 0, 0, 0], { mode: 'reflect' })).toThrow(/reflect padding \[4, 0\] on axis 2 must be smaller than its size 4/);
    expect(() => pad(x, [1, 1])).toThrow(/pads needs 8 values/);
  });
});
