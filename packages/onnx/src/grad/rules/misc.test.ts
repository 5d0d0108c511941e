import { Rng, Tensor } from '@seg/tensor';
import { createNodeSession } from '@seg/runtime/node';
import { GraphBuilder, grad, op, serializeModel } from '../../index';
import { checkGradients, randDistinct, randn } from '../testing/finite-difference';

describe('gradients: CumSum, Dropout, DepthToSpace/SpaceToDepth, Sum/Mean/Max/Min', () => {
  const rng = new Rng(31);

  it('CumSum forward/reverse, inclusive/exclusive (float64)', async () => {
    for (const exclusive of [false, true]) {
      for (const reverse of [false, true]) {
        await checkGradients({ inputs: { x: randn(rng, 'float64', [3, 4]) }, build: (_b, v) => op.cumsum(v.x, 1, { exclusive, reverse }) });
      }
    }
  });

  it('DepthToSpace (DCR, CRD) and SpaceToDepth (float32, exact: pure data movement)', async () => {
    for (const mode of ['DCR', 'CRD'] as const) {
      await checkGradients({ inputs: { x: randn(rng, 'float32', [2, 8, 2, 3]) }, build: (_b, v) => op.depthToSpace(v.x, 2, mode), eps: 0.5, rtol: 1e-4, atol: 1e-5 });
    }
    await checkGradients({ inputs: { x: randn(rng, 'float32', [1, 2, 4, 6]) }, build: (_b, v) => op.spaceToDepth(v.x, 2), eps: 0.5, rtol: 1e-4, atol: 1e-5 });
  });

  it('Sum, Max and Min of three broadcast inputs (float64), Mean (float32: no float64 kernel)', async () => {
    const inputs = { a: randDistinct(rng, 'float64', [2, 3], 0.1), b: randDistinct(rng, 'float64', [3], 0.13), c: randDistinct(rng, 'float64', [2, 1], 0.17) };
    for (const f of [op.sum, op.maxOf, op.minOf]) await checkGradients({ inputs, build: (_b, v) => f([v.a, v.b, v.c]) });
    const inputs32 = { a: randn(rng, 'float32', [2, 3]), b: randn(rng, 'float32', [3]), c: randn(rng, 'float32', [2, 1]) };
    await checkGradients({ inputs: inputs32, build: (_b, v) => op.mean([v.a, v.b, v.c]), eps: 0.5, rtol: 1e-4, atol: 1e-5 });
  });

  it('Max splits the gradient evenly between tied inputs', async () => {
    const b = new GraphBuilder();
    const x = b.input('x', 'float32', [3]);
    const y = b.input('y', 'float32', [3]);
    const [dx, dy] = grad(op.reduceSum(op.max(x, y)), [x, y]);
    b.output(dx, 'dx'); b.output(dy, 'dy');
    const s = await createNodeSession(serializeModel(b));
    const out = await s.run({ x: Tensor.fromArray('float32', [3], [1, 2, 3]), y: Tensor.fromArray('float32', [3], [0, 2, 4]) });
    await s.release();
    expect(out.dx.toArray()).toEqual([1, 0.5, 0]);
    expect(out.dy.toArray()).toEqual([0, 0.5, 1]);
  });

  it('Dropout in training uses the mask and 1/(1-ratio); needs the mask output', async () => {
    const b = new GraphBuilder();
    const x = b.input('x', 'float32', [200]);
    const { output, mask } = op.dropout(x, { ratio: 0.25, training: true, withMask: true, seed: 3 });
    const [dx] = grad(op.reduceSum(op.mul(output, 2)), [x]);
    b.output(dx, 'dx'); b.output(op.cast(mask!, 'float32'), 'm');
    const s = await createNodeSession(serializeModel(b));
    const out = await s.run({ x: randn(rng, 'float32', [200]) });
    await s.release();
    const m = out.m.toArray();
    expect(m.some((v) => v === 0) && m.some((v) => v === 1)).toBe(true);
    out.dx.toArray().forEach((v, i) => expect(v).toBeCloseTo(m[i] * 2 / 0.75, 5));

    const b2 = new GraphBuilder();
    const x2 = b2.input('x', 'float32', [4]);
    const noMask = b2.scope('head', () => op.dropout(x2, { ratio: 0.5, training: true }).output);
    expect(() => grad(op.reduceSum(noMask), [x2])).toThrow(/head\/Dropout.*withMask/);
  });

  it('Dropout in inference is the identity', async () => {
    await checkGradients({ inputs: { x: randn(rng, 'float32', [5]) }, build: (_b, v) => op.dropout(v.x, { ratio: 0.5, training: false }).output, eps: 0.5, rtol: 1e-5, atol: 1e-6 });
  });
});
