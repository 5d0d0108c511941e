import { Tensor } from '@seg/tensor';
import { GraphBuilder } from '../builder/graph-builder';
import { runAll } from '../testing/run-graph';
import { logSoftmax, softmax } from './softmax';
import { cast } from './cast';

describe('Softmax, LogSoftmax, Cast', () => {
  it('normalise along an axis and cast between dtypes', async () => {
    const b = new GraphBuilder();
    const x = b.input('x', 'float32', [2, 3]);
    const s = softmax(x, 1); const l = logSoftmax(x, 0); const c = cast(x, 'int64');
    expect(c.dtype).toBe('int64');
    expect(cast(x, 'float32')).toBe(x);
    b.output(s, 's'); b.output(l, 'l'); b.output(c, 'c');
    const xs = [1, 2, 3, -1.5, 0, 2.7];
    const { values, mismatches } = await runAll(b, { x: Tensor.fromArray('float32', [2, 3], xs) });
    expect(mismatches).toEqual([]);
    const z = Math.exp(1) + Math.exp(2) + Math.exp(3);
    expect(values.s.data[2]).toBeCloseTo(Math.exp(3) / z, 6);
    expect(values.l.data[0]).toBeCloseTo(1 - Math.log(Math.exp(1) + Math.exp(-1.5)), 6);
    expect(values.c.toArray()).toEqual([1, 2, 3, -1, 0, 2]);
  });

  it('softmax needs a float input', () => {
    const b = new GraphBuilder();
    expect(() => softmax(b.input('x', 'int64', [2]))).toThrow(/input must be float32 or float64, got int64/);
  });
});
