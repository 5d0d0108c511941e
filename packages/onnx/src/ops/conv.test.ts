import { Rng } from '@seg/tensor';
import { GraphBuilder } from '../builder/graph-builder';
import { runAll } from '../testing/run-graph';
import { randn } from '../testing/tensors';
import { conv } from './conv';

describe('Conv', () => {
  it('infers shapes for strides, dilations, groups (depthwise) and SAME padding that the runtime agrees with', async () => {
    const rng = new Rng(4);
    const b = new GraphBuilder();
    const x = b.input('x', 'float32', [1, 4, 9, 7]);
    const outs = {
      dil: conv(x, b.param('w1', randn(rng, [6, 4, 3, 3])), null, { dilations: [2, 3], strides: [1, 2] }),
      dw: conv(x, b.param('w2', randn(rng, [4, 1, 3, 3])), b.param('b2', randn(rng, [4])), { group: 4, pads: [1, 0, 1, 2] }),
      same: conv(x, b.param('w3', randn(rng, [2, 4, 4, 4])), null, { autoPad: 'SAME_UPPER', strides: [2, 2] }),
    };
    expect(Object.values(outs).map((v) => v.dims)).toEqual([[1, 6, 5, 1], [1, 4, 9, 7], [1, 2, 5, 4]]);
    for (const [n, v] of Object.entries(outs)) b.output(v, n);
    const { mismatches } = await runAll(b, { x: randn(rng, [1, 4, 9, 7]) });
    expect(mismatches).toEqual([]);
  });
});
