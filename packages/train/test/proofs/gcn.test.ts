import { Rng, Tensor } from '@seg/tensor';
import { adam, buildTrainingStep, exportInferenceModel, GraphBuilder, op, softmaxCrossEntropy, Value } from '@seg/onnx';
import { createNodeSession } from '@seg/runtime/node';
import { sbmGraph, Trainer, TrainResult } from '../../src';
import { createStepSession } from '../../src/node';

/**
 * Proof: a 2-layer GCN (Kipf & Welling 2017), H = relu(Â X W1 + b1), logits = Â H W2 + b2 with the
 * normalised adjacency Â as an input, trained by the engine on a stochastic block model with
 * noisy features, classifies held-out nodes with >= 95% accuracy; two runs are identical.
 */
const [NODES, K, F, HIDDEN, STEPS] = [300, 3, 16, 16, 100];

function gcn(b: GraphBuilder, adj: Value, x: Value, seed: number): Value {
  const rng = new Rng(seed);
  const glorot = (fin: number, fout: number): Tensor => {
    const t = new Tensor('float32', [fin, fout]);
    const bound = Math.sqrt(6 / (fin + fout));
    rng.fillUniform(t.data, -bound, bound);
    return t;
  };
  const layer = (h: Value, name: string, fin: number, fout: number): Value => b.scope(name, () =>
    op.add(op.matmul(adj, op.matmul(h, b.param('weight', glorot(fin, fout)))), b.param('bias', new Tensor('float32', [fout]))));
  return layer(op.relu(layer(x, 'gc1', F, HIDDEN)), 'gc2', HIDDEN, K);
}

function accuracy(logits: Tensor, labels: Tensor, mask: Uint8Array, want: 0 | 1): number {
  let right = 0; let total = 0;
  for (let n = 0; n < NODES; n++) {
    if (mask[n] !== want) continue;
    let best = 0;
    for (let c = 1; c < K; c++) if ((logits.data[n * K + c] as number) > (logits.data[n * K + best] as number)) best = c;
    total++;
    if (best === Number(labels.data[n])) right++;
  }
  return right / total;
}

async function train(seed: number): Promise<{ result: TrainResult; testAccuracy: number }> {
  const g = sbmGraph({ nodes: NODES, communities: K, pIn: 0.08, pOut: 0.01, features: F, featureSignal: 1.5, seed: 100 + seed });
  // 20% of the nodes carry labels for training; the rest are held out
  const rng = new Rng(seed);
  const trainMask = new Uint8Array(NODES);
  rng.choice(NODES, NODES / 5).forEach((i) => { trainMask[i] = 1; });

  const b = new GraphBuilder();
  const adj = b.input('adjacency', 'float32', [NODES, NODES]);
  const x = b.input('features', 'float32', [NODES, F]);
  const y = b.input('labels', 'int64', [NODES]);
  const m = b.input('train_mask', 'float32', [NODES]);
  const logits = gcn(b, adj, x, seed);
  const step = buildTrainingStep({ builder: b, loss: softmaxCrossEntropy(logits, y, { weight: m }), optimizer: adam({ lr: 0.02, weightDecay: 5e-4 }) });
  const inf = new GraphBuilder();
  inf.output(gcn(inf, inf.input('adjacency', 'float32', [NODES, NODES]), inf.input('features', 'float32', [NODES, F]), seed), 'logits');

  const feeds = { adjacency: g.adjacency, features: g.features, labels: g.labels, train_mask: Tensor.fromArray('float32', [NODES], trainMask) };
  const session = await createStepSession(step, { threads: 1 });
  let testAccuracy = NaN;
  const result = await new Trainer({
    spec: step.spec, session, initial: step.initialValues(), data: () => feeds, steps: STEPS, seed,
    evaluate: {
      every: STEPS, metric: 'accuracy',
      async run({ values }) {
        const s = await createNodeSession(exportInferenceModel(inf, values), { threads: 1 });
        testAccuracy = accuracy((await s.run({ adjacency: g.adjacency, features: g.features })).logits, g.labels, trainMask, 0);
        await s.release();
        return { accuracy: testAccuracy };
      },
    },
  }).run();
  await session.release();
  return { result, testAccuracy };
}

describe('proof: GCN node classification trained by the engine', () => {
  it('reaches >= 95% accuracy on held-out nodes of a stochastic block model, deterministically', async () => {
    const a = await train(3);
    expect(a.testAccuracy).toBeGreaterThanOrEqual(0.95);
    const b = await train(3);
    expect(b.result.losses).toEqual(a.result.losses);
    expect(b.testAccuracy).toBe(a.testAccuracy);
    process.stderr.write(`gcn proof: held-out accuracy ${a.testAccuracy.toFixed(4)}, loss ${a.result.losses[0].toFixed(4)} -> ${a.result.losses[STEPS - 1].toFixed(4)}\n`);
  });
});
