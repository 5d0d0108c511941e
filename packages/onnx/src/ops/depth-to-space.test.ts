import { GraphBuilder } from '../builder/graph-builder';
import { runAll } from '../testing/run-graph';
import { arange } from '../testing/tensors';
import { depthToSpace, spaceToDepth } from './depth-to-space';

describe('DepthToSpace, SpaceToDepth', () => {
  it('pixel-shuffle in CRD order and round trip in DCR order', async () => {
    const b = new GraphBuilder();
    const x = b.input('x', 'float32', [1, 8, 2, 3]);
    const d2s = depthToSpace(x, 2, 'CRD');
    const back = spaceToDepth(depthToSpace(x, 2), 2);
    expect([d2s.dims, back.dims]).toEqual([[1, 2, 4, 6], [1, 8, 2, 3]]);
    b.output(d2s, 'd2s'); b.output(back, 'back');
    const xt = arange([1, 8, 2, 3]);
    const { values, mismatches } = await runAll(b, { x: xt });
    expect(mismatches).toEqual([]);
    expect(values.back.toArray()).toEqual(xt.toArray());
    // CRD: out[c, 2h + a, 2w + b] = in[4c + 2a + b, h, w]
    for (let c = 0; c < 2; c++) for (let h = 0; h < 2; h++) for (let w = 0; w < 3; w++) for (let a = 0; a < 2; a++) for (let bb = 0; bb < 2; bb++) {
      expect(values.d2s.get(0, c, 2 * h + a, 2 * w + bb)).toBe(xt.get(0, 4 * c + 2 * a + bb, h, w));
    }
  });

  it('rejects channels not divisible by blocksize^2', () => {
    const b = new GraphBuilder();
    expect(() => depthToSpace(b.input('x', 'float32', [1, 6, 2, 2]), 2)).toThrow(/channel count 6 is not divisible by 4/);
  });
});
