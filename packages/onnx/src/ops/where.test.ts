import { Tensor } from '@seg/tensor';
import { GraphBuilder } from '../builder/graph-builder';
import { runAll } from '../testing/run-graph';
import { arange } from '../testing/tensors';
import { greater } from './binary';
import { where } from './where';

describe('Where', () => {
  it('selects with broadcasting and lifts numbers to the other branch dtype', async () => {
    const b = new GraphBuilder();
    const x = b.input('x', 'float32', [2, 3]);
    const c = b.input('c', 'bool', [3]);
    const y = where(c, x, -1);
    const z = where(greater(x, 2), 0, x);
    expect([y.dims, z.dims]).toEqual([[2, 3], [2, 3]]);
    b.output(y, 'y'); b.output(z, 'z');
    const { values, mismatches } = await runAll(b, { x: arange([2, 3]), c: Tensor.fromArray('bool', [3], [1, 0, 1]) });
    expect(mismatches).toEqual([]);
    expect(values.y.toArray()).toEqual([0, -1, 2, 3, -1, 5]);
    expect(values.z.toArray()).toEqual([0, 1, 2, 0, 0, 0]);
  });

  it('needs a bool condition', () => {
    const b = new GraphBuilder();
    const x = b.input('x', 'float32', [2]);
    expect(() => where(x, x, x)).toThrow(/condition must be bool, got float32/);
  });
});
