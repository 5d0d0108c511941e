import { Tensor } from '@seg/tensor';
import { GraphBuilder } from '../builder/graph-builder';
import { runAll } from '../testing/run-graph';
import { add, and, div, equal, greater, less, mul, not, or, pow, sub } from './index';

describe('binary arithmetic, comparisons and logic', () => {
  it('broadcast like numpy and lift numbers to the left operand dtype', async () => {
    const b = new GraphBuilder();
    const x = b.input('x', 'float32', [2, 1]);
    const y = b.input('y', 'float32', [3]);
    const outs = {
      add: add(x, y), sub: sub(x, 1), mul: mul(x, y), div: div(y, 2), pow: pow(y, 2),
      lt: less(x, y), gt: greater(x, y), eq: equal(y, 2), land: and(less(x, y), not(equal(y, 2))), lor: or(less(x, y), equal(y, 2)),
    };
    expect(outs.add.dims).toEqual([2, 3]);
    expect(outs.lt.dtype).toBe('bool');
    for (const [n, v] of Object.entries(outs)) b.output(v, n);
    const { values, mismatches } = await runAll(b, { x: Tensor.fromArray('float32', [2, 1], [1, 3]), y: Tensor.fromArray('float32', [3], [0, 2, 4]) });
    expect(mismatches).toEqual([]);
    expect(values.add.toArray()).toEqual([1, 3, 5, 3, 5, 7]);
    expect(values.sub.toArray()).toEqual([0, 2]);
    expect(values.pow.toArray()).toEqual([0, 4, 16]);
    expect(values.lt.toArray()).toEqual([0, 1, 1, 0, 0, 1]);
    expect(values.land.toArray()).toEqual([0, 0, 1, 0, 0, 1]);
    expect(values.lor.toArray()).toEqual([0, 1, 1, 0, 1, 1]);
  });

  it('rejects shapes that do not broadcast and mixed dtypes', () => {
    const b = new GraphBuilder();
    const x = b.input('x', 'float32', [2, 3]);
    expect(() => add(x, b.input('y', 'float32', [4]))).toThrow(/do not broadcast/);
    expect(() => add(x, b.input('i', 'int64', [3]))).toThrow(/share one dtype/);
  });
});
