import { GraphBuilder } from '../builder/graph-builder';
import { runAll } from '../testing/run-graph';
import { arange } from '../testing/tensors';
import { constantOfShape, range, shape, size } from './shape';

describe('Shape, Size, ConstantOfShape, Range', () => {
  it('report and generate shapes', async () => {
    const b = new GraphBuilder();
    const x = b.input('x', 'float32', ['n', 3, 4]);
    const s = shape(x);
    const tail = shape(x, 1);
    const c = constantOfShape(tail, 2.5);
    const ci = constantOfShape(s, 7, 'int64');
    const r = range(1, 10, 3, 'int64', b);
    const rf = range(b.scalar(0.5), 2, 0.5);
    expect([s.dims, tail.dims, c.dims, ci.dims, r.dims, rf.dims]).toEqual([[3], [2], [3, 4], ['n', 3, 4], [3], [3]]);
    expect(ci.dtype).toBe('int64');
    for (const [v, n] of [[s, 's'], [size(x), 'size'], [c, 'c'], [ci, 'ci'], [r, 'r'], [rf, 'rf']] as const) b.output(v, n);
    const { values, mismatches } = await runAll(b, { x: arange([2, 3, 4]) });
    expect(mismatches).toEqual([]);
    expect(values.s.toArray()).toEqual([2, 3, 4]);
    expect(values.size.toArray()).toEqual([24]);
    expect(values.c.toArray().every((v) => v === 2.5)).toBe(true);
    expect(values.ci.dims).toEqual([2, 3, 4]);
    expect(values.r.toArray()).toEqual([1, 4, 7]);
    expect(values.rf.toArray()).toEqual([0.5, 1, 1.5]);
  });

  it('errors name the problem', () => {
    const b = new GraphBuilder({ opset: 13 });
    const x = b.input('x', 'float32', [2, 3]);
    expect(() => shape(x, 1)).toThrow(/start\/end need opset >= 15/);
    expect(() => range(0, 5, 0, 'int64', b)).toThrow(/delta is 0/);
  });
});
