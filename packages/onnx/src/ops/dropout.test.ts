import { Tensor } from '@seg/tensor';
import { GraphBuilder } from '../builder/graph-builder';
import { runAll } from '../testing/run-graph';
import { dropout } from './dropout';

describe('Dropout', () => {
  it('is the identity in evaluation and inverted dropout with a mask in training', async () => {
    const b = new GraphBuilder();
    const x = b.input('x', 'float32', [4, 250]);
    const training = b.input('training', 'bool', []);
    const { output, mask } = dropout(x, { ratio: 0.25, training, withMask: true, seed: 7 });
    expect(mask?.dims).toEqual([4, 250]);
    expect(dropout(x).mask).toBeNull();
    b.output(output, 'y'); b.output(mask!, 'mask');
    const xt = new Tensor('float32', [4, 250]); xt.data.fill(1);
    const on = await runAll(b, { x: xt, training: Tensor.fromArray('bool', [], [1]) });
    expect(on.mismatches).toEqual([]);
    const kept = on.values.mask.toArray().reduce((a, v) => a + v, 0);
    expect(kept / 1000).toBeGreaterThan(0.68);
    expect(kept / 1000).toBeLessThan(0.82);
    on.values.y.toArray().forEach((v, i) => expect(v).toBeCloseTo(on.values.mask.data[i] ? 1 / 0.75 : 0, 5));
    const off = await runAll(b, { x: xt, training: Tensor.fromArray('bool', [], [0]) });
    expect(off.values.y.toArray().every((v) => v === 1)).toBe(true);
  });

  it('rejects a ratio outside [0, 1)', () => {
    const b = new GraphBuilder();
    expect(() => dropout(b.input('x', 'float32', [2]), { ratio: 1 })).toThrow(/ratio 1 must be in \[0, 1\)/);
  });
});
