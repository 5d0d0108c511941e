import { Rng, Tensor } from '@seg/tensor';
import { GraphBuilder } from '../builder/graph-builder';
import type { Value } from '../builder/value';
import { grad } from '../grad';
import { runGraph } from '../train/testing/run-graph';
import { binaryCrossEntropyWithLogits, l1Loss, LossOptions, mseLoss, smoothL1Loss, softmaxCrossEntropy } from './index';

const rng = new Rng(7);
const randn = (dims: number[], scale = 1): Tensor<'float32'> => {
  const t = new Tensor('float32', dims);
  rng.fillNormal(t.data, 0, scale);
  return t;
};

/** Reference reduction in float64, the same contract as reduceLoss. */
function reduceRef(l: number[], reduction: 'mean' | 'sum' | 'none', w?: number[]): number[] {
  const wl = l.map((v, i) => v * (w ? w[i] : 1));
  if (reduction === 'none') return wl;
  const s = wl.reduce((a, b) => a + b, 0);
  if (reduction === 'sum') return [s];
  if (!w) return [s / l.length];
  return [s / Math.max(w.reduce((a, b) => a + b, 0), 1e-12)];
}

function expectClose(got: Tensor, want: number[], tol = 1e-5): void {
  expect(got.size).toBe(want.length);
  got.toArray().forEach((v, i) => expect(Math.abs(v - want[i])).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(want[i]))));
}

/** Builds `loss(pred, target)` on inputs of the given tensors, runs it, returns the output. */
async function runLoss(p: Tensor, t: Tensor, loss: (p: Value, t: Value, w?: Value) => Value, w?: Tensor): Promise<Tensor> {
  const b = new GraphBuilder();
  const pv = b.input('pred', p.dtype, p.dims);
  const tv = b.input('target', t.dtype, t.dims);
  const wv = w ? b.input('weight', w.dtype, w.dims) : undefined;
  b.output(loss(pv, tv, wv), 'loss');
  const feeds: Record<string, Tensor> = { pred: p, target: t };
  if (w) feeds.weight = w;
  return (await runGraph(b, feeds)).loss;
}

describe('softmaxCrossEntropy', () => {
  const [N, C, H, W] = [2, 4, 3, 2];
  const logits = randn([N, C, H, W], 2);
  const labels = Tensor.fromArray('int64', [N, H, W], [0, 1, 2, 3, 255, 1, 2, 2, 0, 255, 3, 1].map(BigInt));
  const classWeights = [0.5, 1, 2, 1.5];

  /** PyTorch F.cross_entropy semantics in float64. */
  function ref(reduction: 'mean' | 'sum' | 'none', ignore?: number, cw?: number[]): number[] {
    const l: number[] = [];
    const w: number[] = [];
    for (let n = 0; n < N; n++) for (let s = 0; s < H * W; s++) {
      const z = Array.from({ length: C }, (_, c) => logits.data[(n * C + c) * H * W + s]);
      const m = Math.max(...z);
      const lse = m + Math.log(z.reduce((a, v) => a + Math.exp(v - m), 0));
      const y = Number(labels.data[n * H * W + s]);
      const valid = y >= 0 && y < C;
      l.push(valid ? lse - z[y] : 0);
      w.push(ignore !== undefined && y === ignore ? 0 : valid ? (cw ? cw[y] : 1) : cw ? 0 : 1);
    }
    return reduceRef(l, reduction, ignore !== undefined || cw ? w : undefined);
  }

  it.each(['mean', 'sum', 'none'] as const)('matches F.cross_entropy with ignore_index and class weights (%s)', async (reduction) => {
    const got = await runLoss(logits, labels, (p, t) => softmaxCrossEntropy(p, t, { reduction, ignoreIndex: 255, classWeights }));
    expectClose(got, ref(reduction, 255, classWeights));
    if (reduction === 'none') expect(got.dims).toEqual([N, H, W]);
  });

  it('ignores an in-range label and handles [N, C] logits', async () => {
    const ignoringTwo = await runLoss(logits, labels.cast('int64'), (p, t) => softmaxCrossEntropy(p, t, { ignoreIndex: 2 }));
    // label 255 is out of range and not ignored: zero loss but counted in the mean, as one-hot gives
    const l: number[] = []; const w: number[] = [];
    ref('none').forEach((v, i) => { l.push(v); w.push(Number(labels.data[i]) === 2 ? 0 : 1); });
    expectClose(ignoringTwo, reduceRef(l, 'mean', w));

    const flat = randn([5, 3]);
    const y = Tensor.fromArray('int32', [5], [2, 0, 1, 1, 0]);
    const got = await runLoss(flat, y, (p, t) => softmaxCrossEntropy(p, t));
    let want = 0;
    for (let n = 0; n < 5; n++) {
      const z = [0, 1, 2].map((c) => flat.data[n * 3 + c]);
      want += Math.log(z.reduce((a, v) => a + Math.exp(v), 0)) - z[y.data[n]];
    }
    expectClose(got, [want / 5]);
  });

  it('applies a per-element mask as a weighted mean and is 0 when everything is masked', async () => {
    const mask = Tensor.fromArray('bool', [N, H, W], [1, 1, 0, 1, 0, 0, 1, 1, 1, 0, 0, 1]);
    const got = await runLoss(logits, labels, (p, t, w) => softmaxCrossEntropy(p, t, { ignoreIndex: 255, weight: w }), mask);
    const all = ref('none');
    const keep = Array.from(mask.data, (m, i) => m * (Number(labels.data[i]) === 255 ? 0 : 1));
    expectClose(got, reduceRef(all, 'mean', keep));
    const none = await runLoss(logits, labels, (p, t, w) => softmaxCrossEntropy(p, t, { weight: w }), new Tensor('bool', [N, H, W]));
    expectClose(none, [0]);
  });

  it('rejects labels of the wrong shape or dtype with a clear message', () => {
    const b = new GraphBuilder();
    const x = b.input('x', 'float32', [2, 3, 4, 4]);
    expect(() => softmaxCrossEntropy(x, b.input('y', 'int64', [2, 4, 5]))).toThrow(/labels must be \[2, 4, 4\]/);
    expect(() => softmaxCrossEntropy(x, b.input('z', 'float32', [2, 4, 4]))).toThrow(/int64 or int32/);
    expect(() => softmaxCrossEntropy(x, b.input('u', 'int64', [2, 4, 4]), { classWeights: [1, 2] })).toThrow(/2 class weights for 3 classes/);
  });
});

describe('binaryCrossEntropyWithLogits', () => {
  const x = Tensor.fromArray('float32', [2, 4], [-120, -3, -0.5, 0.25, 1, 2.5, 40, 120]);
  const z = Tensor.fromArray('float32', [2, 4], [0, 1, 0.3, 1, 0, 0.5, 1, 0]);
  // log(1 + e^x) - x z, evaluated stably in float64.
  const ref = Array.from(x.data, (v, i) => (v > 0 ? v + Math.log1p(Math.exp(-v)) : Math.log1p(Math.exp(v))) - v * z.data[i]);

  it.each(['mean', 'sum', 'none'] as const)('matches the stable reference, also at |x| = 120 (%s)', async (reduction) => {
    const got = await runLoss(x, z, (p, t) => binaryCrossEntropyWithLogits(p, t, { reduction }));
    expectClose(got, reduceRef(ref, reduction));
    got.toArray().forEach((v) => expect(Number.isFinite(v)).toBe(true));
  });

  it('weights elements', async () => {
    const w = Tensor.fromArray('float32', [2, 4], [1, 0, 2, 0.5, 1, 1, 0, 3]);
    const got = await runLoss(x, z, (p, t, wv) => binaryCrossEntropyWithLogits(p, t, { weight: wv }), w);
    expectClose(got, reduceRef(ref, 'mean', Array.from(w.data)));
  });

  it('rejects mismatched shapes', () => {
    const b = new GraphBuilder();
    expect(() => binaryCrossEntropyWithLogits(b.input('x', 'float32', [2, 1, 4, 4]), b.input('y', 'float32', [2, 4, 4])))
      .toThrow(/prediction \[2, 1, 4, 4\] and target \[2, 4, 4\]/);
  });
});

describe('regression losses', () => {
  const p = randn([3, 5]);
  const t = randn([3, 5]);
  const d = Array.from(p.data, (v, i) => v - t.data[i]);
  const mask = Tensor.fromArray('uint8', [3, 5], [1, 0, 1, 1, 0, 1, 1, 1, 0, 0, 1, 0, 1, 1, 1]);
  const cases: [string, (p: Value, t: Value, o: LossOptions) => Value, (d: number) => number][] = [
    ['l1', l1Loss, Math.abs],
    ['mse', mseLoss, (v) => v * v],
    ['smoothL1 beta=0.5', (a, b, o) => smoothL1Loss(a, b, { ...o, beta: 0.5 }), (v) => (Math.abs(v) < 0.5 ? (0.5 * v * v) / 0.5 : Math.abs(v) - 0.25)],
    ['smoothL1 beta=1', smoothL1Loss, (v) => (Math.abs(v) < 1 ? 0.5 * v * v : Math.abs(v) - 0.5)],
    ['smoothL1 beta=0', (a, b, o) => smoothL1Loss(a, b, { ...o, beta: 0 }), Math.abs],
  ];
  for (const [name, loss, f] of cases) {
    it(`${name}: mean, sum, none and masked mean match the definition`, async () => {
      const per = d.map(f);
      for (const reduction of ['mean', 'sum', 'none'] as const) {
        expectClose(await runLoss(p, t, (a, b) => loss(a, b, { reduction })), reduceRef(per, reduction));
      }
      expectClose(await runLoss(p, t, (a, b, w) => loss(a, b, { weight: w }), mask), reduceRef(per, 'mean', Array.from(mask.data)));
    });
  }
});

describe('loss gradients (through the engine autodiff)', () => {
  /** Runs d loss / d pred for a loss built on a trainable prediction. */
  async function gradOf(p: Tensor, t: Tensor, loss: (p: Value, t: Value) => Value): Promise<Tensor> {
    const b = new GraphBuilder();
    const pv = b.param('pred', p);
    const tv = b.input('target', t.dtype, t.dims);
    b.output(grad(loss(pv, tv), [pv])[0], 'dpred');
    return (await runGraph(b, { target: t })).dpred;
  }

  it('softmax cross-entropy: (softmax - onehot) * w / sum(w) with class weights and ignored labels', async () => {
    const [N, C] = [3, 4];
    const z = randn([N, C], 2);
    const y = Tensor.fromArray('int64', [N], [2n, 255n, 0n]);
    const cw = [1, 2, 0.5, 3];
    const got = await gradOf(z, y, (p, t) => softmaxCrossEntropy(p, t, { ignoreIndex: 255, classWeights: cw }));
    const wsum = cw[2] + cw[0];
    const want: number[] = [];
    for (let n = 0; n < N; n++) {
      const row = Array.from(z.data.subarray(n * C, n * C + C));
      const m = Math.max(...row); const e = row.map((v) => Math.exp(v - m)); const s = e.reduce((a, v) => a + v, 0);
      const label = Number(y.data[n]);
      for (let c = 0; c < C; c++) want.push(label === 255 ? 0 : (cw[label] * (e[c] / s - (c === label ? 1 : 0))) / wsum);
    }
    expectClose(got, want, 1e-5);
  });

  it('BCE with logits: (sigmoid(x) - z) / n, finite at |x| = 120', async () => {
    const x = Tensor.fromArray('float32', [4], [-120, -1, 0.5, 120]);
    const z = Tensor.fromArray('float32', [4], [1, 0, 0.25, 0]);
    const got = await gradOf(x, z, (p, t) => binaryCrossEntropyWithLogits(p, t));
    expectClose(got, Array.from(x.data, (v, i) => (1 / (1 + Math.exp(-v)) - z.data[i]) / 4), 1e-6);
  });

  it('smooth L1: d/beta inside, sign(d) outside', async () => {
    const p = Tensor.fromArray('float32', [4], [0.1, -0.3, 2, -5]);
    const t = new Tensor('float32', [4]);
    const got = await gradOf(p, t, (a, b) => smoothL1Loss(a, b, { beta: 0.5, reduction: 'sum' }));
    expectClose(got, [0.2, -0.6, 1, -1], 1e-6);
  });
});
