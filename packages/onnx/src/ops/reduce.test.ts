import { GraphBuilder } from '../builder/graph-builder';
import { runAll } from '../testing/run-graph';
import { arange } from '../testing/tensors';
import { reduce, reduceMax, reduceMean, reduceSum } from './reduce';

describe('Reduce*', () => {
  it.each([13, 17, 18])('emits the axes form of opset %i and reduces correctly', async (opset) => {
    const b = new GraphBuilder({ opset });
    const x = b.input('x', 'float32', [2, 3]);
    const outs = {
      sum1: reduceSum(x, [1]), mean0: reduceMean(x, [0], true), maxAll: reduceMax(x), l1: reduce('ReduceL1', x, [-1]),
      lse: reduce('ReduceLogSumExp', x, [1]),
    };
    expect([outs.sum1.dims, outs.mean0.dims, outs.maxAll.dims]).toEqual([[2], [1, 3], []]);
    const meanNode = b.nodes.find((n) => n.opType === 'ReduceMean')!;
    expect(meanNode.inputs.length).toBe(opset >= 18 ? 2 : 1);
    for (const [n, v] of Object.entries(outs)) b.output(v, n);
    const { values, mismatches } = await runAll(b, { x: arange([2, 3], -2) });
    expect(mismatches).toEqual([]);
    expect(values.sum1.toArray()).toEqual([-3, 6]);
    expect(values.mean0.toArray()).toEqual([-0.5, 0.5, 1.5]);
    expect(values.maxAll.toArray()).toEqual([3]);
    expect(values.l1.toArray()).toEqual([3, 6]);
    expect(values.lse.data[1]).toBeCloseTo(Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3)), 5);
  });

  it('rejects out-of-range axes', () => {
    const b = new GraphBuilder();
    expect(() => reduceSum(b.input('x', 'float32', [2, 3]), [2])).toThrow(/axis 2 is out of range for rank 2/);
  });
});
