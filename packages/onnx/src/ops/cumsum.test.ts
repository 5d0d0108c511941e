import { GraphBuilder } from '../builder/graph-builder';
import { runAll } from '../testing/run-graph';
import { arange } from '../testing/tensors';
import { cumsum } from './cumsum';

describe('CumSum', () => {
  it('sums inclusively, exclusively and in reverse', async () => {
    const b = new GraphBuilder();
    const x = b.input('x', 'float32', [2, 4]);
    b.output(cumsum(x, 1), 'inc');
    b.output(cumsum(x, -1, { exclusive: true }), 'exc');
    b.output(cumsum(x, 0, { reverse: true }), 'rev');
    const { values, mismatches } = await runAll(b, { x: arange([2, 4], 1) });
    expect(mismatches).toEqual([]);
    expect(values.inc.toArray()).toEqual([1, 3, 6, 10, 5, 11, 18, 26]);
    expect(values.exc.toArray()).toEqual([0, 1, 3, 6, 0, 5, 11, 18]);
    expect(values.rev.toArray()).toEqual([6, 8, 10, 12, 5, 6, 7, 8]);
  });

  it('checks the axis', () => {
    const b = new GraphBuilder();
    expect(() => cumsum(b.input('x', 'float32', [2, 4]), 2)).toThrow(/axis 2 is out of range for rank 2/);
  });
});
