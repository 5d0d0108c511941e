import { Rng } from '@seg/tensor';
import { op } from '../../index';
import type { ReduceOp } from '../../ops';
import { checkGradients, randDistinct, randn } from '../testing/finite-difference';

describe('gradients: Reduce* (float64)', () => {
  const ops: ReduceOp[] = ['ReduceSum', 'ReduceMean', 'ReduceMax', 'ReduceMin', 'ReduceSumSquare', 'ReduceL1', 'ReduceL2', 'ReduceLogSum', 'ReduceLogSumExp', 'ReduceProd'];
  const axesCases: [number[] | undefined, boolean][] = [[undefined, false], [[1], true], [[0, 2], false], [[-1], false]];
  for (const name of ops) {
    it(`${name} over several axes, keepdims on and off, opset 17 and 18`, async () => {
      const rng = new Rng(name.length);
      for (const opset of [17, 18]) {
        for (const [axes, keep] of axesCases) {
          const x = name === 'ReduceMax' || name === 'ReduceMin' || name === 'ReduceL1' ? randDistinct(rng, 'float64', [2, 3, 4], 0.1) : randn(rng, 'float64', [2, 3, 4]);
          // log of a sum needs a positive sum
          if (name === 'ReduceLogSum') for (let i = 0; i < x.size; i++) x.data[i] = 0.2 + Math.abs(x.data[i] as number);
          await checkGradients({ inputs: { x }, build: (_b, v) => op.reduce(name, v.x, axes, keep), opset });
        }
      }
    });
  }

  it('ReduceMax splits the gradient evenly among tied maxima', async () => {
    const { GraphBuilder, grad, serializeModel } = await import('../../index');
    const { createNodeSession } = await import('@seg/runtime/node');
    const { Tensor } = await import('@seg/tensor');
    const b = new GraphBuilder();
    const x = b.input('x', 'float32', [4]);
    const [dx] = grad(op.reduceMax(x), [x]);
    b.output(dx, 'dx');
    const s = await createNodeSession(serializeModel(b));
    const out = await s.run({ x: Tensor.fromArray('float32', [4], [1, 3, 3, 2]) });
    expect(out.dx.toArray()).toEqual([0, 0.5, 0.5, 0]);
    await s.release();
  });
});
