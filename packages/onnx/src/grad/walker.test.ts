import { Rng, Tensor } from '@seg/tensor';
import { createNodeSession } from '@seg/runtime/node';
import { GraphBuilder, grad, op, serializeModel } from '../index';
import { checkGradients, randDistinct, randn } from './testing/finite-difference';

async function run(b: GraphBuilder, feeds: Record<string, Tensor>): Promise<Record<string, Tensor>> {
  const s = await createNodeSession(serializeModel(b));
  try { return await s.run(feeds); } finally { await s.release(); }
}

describe('grad (the reverse-mode walker)', () => {
  it('differentiates a small MLP with Add/Mul/MatMul/Relu against finite differences', async () => {
    const rng = new Rng(1);
    await checkGradients({
      inputs: { x: randn(rng, 'float64', [4, 3]), w: randn(rng, 'float64', [3, 5]), bias: randDistinct(rng, 'float64', [5], 0.2), s: randn(rng, 'float64', [4, 1]) },
      build: (_b, v) => op.mul(op.relu(op.add(op.matmul(v.x, v.w), v.bias)), v.s),
    });
  });

  it('differentiates a small CNN end to end (conv-bn-relu-maxpool-conv-GAP-gemm-cross-entropy, float32)', async () => {
    const rng = new Rng(2);
    const labels = Tensor.fromArray('int64', [2], [1, 3]);
    await checkGradients({
      inputs: {
        x: randn(rng, 'float32', [2, 3, 8, 8]), w1: randn(rng, 'float32', [4, 3, 3, 3], 0.5), g1: randn(rng, 'float32', [4]),
        b1: randn(rng, 'float32', [4]), w2: randn(rng, 'float32', [6, 4, 3, 3], 0.5), fc: randn(rng, 'float32', [6, 5], 0.5), l: labels,
      },
      build: (b, v) => {
        const c = 4;
        const h = op.conv(v.x, v.w1, null, { pads: [1, 1, 1, 1] });
        const bn = op.batchNormTraining(h, v.g1, v.b1, b.constant(new Tensor('float32', [c])), b.constant(Tensor.fromArray('float32', [c], [1, 1, 1, 1]))).y;
        const p = op.maxPoolWithIndices(op.relu(bn), { kernel: [2, 2], strides: [2, 2] })[0];
        const h2 = op.relu(op.conv(p, v.w2, null, { strides: [2, 2], pads: [1, 1, 1, 1] }));
        const logits = op.gemm(op.flatten(op.globalAveragePool(h2)), v.fc);
        return op.softmaxCrossEntropy(logits, v.l).loss;
      },
      eps: 1e-3, rtol: 3e-2, atol: 3e-3, maxElements: 24,
    });
  });

  it('accumulates the gradient of a value used several times', async () => {
    const b = new GraphBuilder();
    const x = b.input('x', 'float64', [3]);
    // loss = sum(x * x + x) -> dx = 2x + 1
    const loss = op.reduceSum(op.add(op.mul(x, x), x));
    const [dx] = grad(loss, [x]);
    b.output(dx, 'dx');
    const xt = Tensor.fromArray('float64', [3], [1, -2, 0.5]);
    expect((await run(b, { x: xt })).dx.toArray()).toEqual([3, -3, 2]);
  });

  it('reduces broadcast gradients to the input shape', async () => {
    const b = new GraphBuilder();
    const x = b.input('x', 'float32', [2, 3]);
    const row = b.input('row', 'float32', [1, 3]);
    const s = b.input('s', 'float32', []);
    const loss = op.reduceSum(op.mul(op.add(x, row), s));
    const [dx, drow, ds] = grad(loss, [x, row, s]);
    expect(dx.dims).toEqual([2, 3]);
    expect(drow.dims).toEqual([1, 3]);
    expect(ds.dims).toEqual([]);
    b.output(drow, 'drow'); b.output(ds, 'ds');
    const out = await run(b, { x: Tensor.fromArray('float32', [2, 3], [1, 2, 3, 4, 5, 6]), row: Tensor.fromArray('float32', [1, 3], [1, 1, 1]), s: Tensor.scalar(2) });
    expect(out.drow.toArray()).toEqual([4, 4, 4]);
    expect(out.ds.toArray()).toEqual([27]);
  });

  it('gives integer inputs no gradient and does not differentiate through them', () => {
    const b = new GraphBuilder();
    const x = b.input('x', 'float32', [2, 3]);
    const y = op.reshape(x, [3, 2]); // the shape input is an int64 constant
    const loss = op.reduceSum(op.cast(op.cast(y, 'int64'), 'float32'));
    const nodesBefore = b.nodes.length;
    const [dx] = grad(loss, [x]);
    // the loss depends on x only through an integer cast: zero gradient, no backward nodes at all
    expect(b.constantOf(dx)?.toArray()).toEqual([0, 0, 0, 0, 0, 0]);
    expect(b.nodes.length).toBe(nodesBefore);
    const b2 = new GraphBuilder();
    const x2 = b2.input('x', 'float32', [2, 3]);
    const loss2 = op.reduceSum(op.reshape(x2, [6]));
    const [dx2] = grad(loss2, [x2]);
    expect(dx2.dims).toEqual([2, 3]);
    // nothing in the backward pass consumes a gradient of the int64 shape constant
    expect(b2.nodes.filter((n) => n.name.startsWith('grad/')).every((n) => n.outputs.every((o) => o.dtype === 'float32'))).toBe(true);
  });

  it('names the op type and node when a rule is missing', () => {
    const b = new GraphBuilder();
    // RoiAlign has no backward rule (yet): the error names the op type and the node
    const x = b.input('x', 'float32', [1, 2, 8, 8]);
    const rois = b.input('rois', 'float32', [3, 4]);
    const idx = b.input('idx', 'int64', [3]);
    const y = b.scope('head', () => op.roiAlign(x, rois, idx, { outputSize: [2, 2] }));
    expect(() => grad(op.reduceSum(y), [x])).toThrow("no gradient rule for op 'RoiAlign' (node 'head/RoiAlign')");
  });

  it('returns zeros for a wrt that does not influence the loss', async () => {
    const b = new GraphBuilder();
    const x = b.input('x', 'float32', [2]);
    const unused = b.param('unused', new Tensor('float32', [3, 2]));
    const [dx, du] = grad(op.reduceSum(op.mul(x, 3)), [x, unused]);
    expect(du.dims).toEqual([3, 2]);
    expect(b.constantOf(du)?.toArray()).toEqual([0, 0, 0, 0, 0, 0]);
    b.output(dx, 'dx');
    expect((await run(b, { x: Tensor.fromArray('float32', [2], [1, 2]) })).dx.toArray()).toEqual([3, 3]);
  });

  it('emits backward nodes under grad/<forward node>, deterministically', () => {
    const build = () => {
      const b = new GraphBuilder();
      const x = b.input('x', 'float32', [2, 3]);
      const w = b.param('fc/weight', new Tensor('float32', [3, 4]));
      const y = b.scope('fc', () => op.relu(op.matmul(x, w)));
      const [dw] = grad(op.reduceMean(y), [w]);
      b.output(dw, 'dw');
      return b;
    };
    const b = build();
    const names = b.nodes.filter((n) => n.name.startsWith('grad/')).map((n) => n.name);
    expect(names.some((n) => n.startsWith('grad/fc/Relu/'))).toBe(true);
    expect(names.some((n) => n.startsWith('grad/fc/MatMul/'))).toBe(true);
    expect(serializeModel(build())).toEqual(serializeModel(b));
  });

  it('handles a symbolic batch dimension (Reshape, MatMul, bias broadcast, ReduceMean)', async () => {
    const b = new GraphBuilder();
    const x = b.input('x', 'float32', ['n', 2, 3]);
    const w = b.input('w', 'float32', [3, 4]);
    const bias = b.input('bias', 'float32', [4]);
    const h = op.relu(op.add(op.matmul(op.reshape(x, [-1, 3]), w), bias));
    const loss = op.reduceMean(op.mul(h, h));
    const [dx, dw, dbias] = grad(loss, [x, w, bias]);
    expect(dx.dims).toEqual(['n', 2, 3]);
    b.output(dx, 'dx'); b.output(dw, 'dw'); b.output(dbias, 'dbias');
    const rng = new Rng(3);
    const feeds = { x: randn(rng, 'float32', [5, 2, 3]), w: randn(rng, 'float32', [3, 4]), bias: randn(rng, 'float32', [4]) };
    const out = await run(b, feeds);
    // the same graph with a static batch gives the same gradients
    const s = new GraphBuilder();
    const xs = s.input('x', 'float32', [5, 2, 3]);
    const ws = s.input('w', 'float32', [3, 4]);
    const bs = s.input('bias', 'float32', [4]);
    const hs = op.relu(op.add(op.matmul(op.reshape(xs, [-1, 3]), ws), bs));
    grad(op.reduceMean(op.mul(hs, hs)), [xs, ws, bs]).forEach((g, i) => s.output(g, ['dx', 'dw', 'dbias'][i]));
    const ref = await run(s, feeds);
    for (const k of ['dx', 'dw', 'dbias']) out[k].toArray().forEach((v, i) => expect(v).toBeCloseTo(ref[k].toArray()[i], 6));
    expect(out.dx.dims).toEqual([5, 2, 3]);
  });

  it('validates the loss, wrt and seed', () => {
    const b = new GraphBuilder();
    const x = b.input('x', 'float32', [2, 3]);
    expect(() => grad(op.relu(x), [x])).toThrow(/must be a scalar.*\[2, 3\]/);
    const other = new GraphBuilder().input('z', 'float32', [1]);
    expect(() => grad(op.reduceSum(x), [other])).toThrow(/belongs to another graph builder/);
    const bad = b.input('seed', 'float32', [3]);
    expect(() => grad(op.relu(x), [x], { seed: bad })).toThrow(/seed 'seed' must be float32\[2, 3\]/);
  });

  it('accepts a seed for a non-scalar output (vector-Jacobian product)', async () => {
    const b = new GraphBuilder();
    const x = b.input('x', 'float64', [3]);
    const seed = b.input('seed', 'float64', [3]);
    const [dx] = grad(op.mul(x, x), [x], { seed });
    b.output(dx, 'dx');
    const out = await run(b, { x: Tensor.fromArray('float64', [3], [1, 2, 3]), seed: Tensor.fromArray('float64', [3], [1, 0, -1]) });
    expect(out.dx.toArray()).toEqual([2, 0, -6]);
  });
});
