import { Rng, Tensor } from '@seg/tensor';
import { createNodeSession } from '@seg/runtime/node';
import { GraphBuilder } from '../builder/graph-builder';
import type { Value } from '../builder/value';
import * as op from '../ops';
import { sgd } from '../optim';
import { batchNormalization, batchNormParams } from './batch-norm';
import { exportInferenceModel } from './export';
import { declareState, modelState, setTrainingMode } from './model-state';
import { serializeWithVariables, variableNames } from './serialize-variables';
import { buildTrainingStep } from './training-step';

const [N, C, H, W] = [3, 2, 2, 2];
const rng = new Rng(5);
const x = new Tensor('float32', [N, C, H, W]);
rng.fillNormal(x.data, 1, 2);

/** Per-channel batch mean and biased variance of x, float64. */
function batchStats(): { mean: number[]; variance: number[] } {
  const mean = [0, 0]; const variance = [0, 0];
  for (let c = 0; c < C; c++) {
    const vals: number[] = [];
    for (let n = 0; n < N; n++) for (let s = 0; s < H * W; s++) vals.push(x.data[(n * C + c) * H * W + s]);
    mean[c] = vals.reduce((a, v) => a + v, 0) / vals.length;
    variance[c] = vals.reduce((a, v) => a + (v - mean[c]) ** 2, 0) / vals.length;
  }
  return { mean, variance };
}

function model(training: boolean): { b: GraphBuilder; y: Value } {
  const b = new GraphBuilder();
  setTrainingMode(b, training);
  const xin = b.input('x', 'float32', [N, C, H, W]);
  const p = b.scope('bn', () => batchNormParams(b, C));
  return { b, y: batchNormalization(xin, p, { momentum: 0.25 }) };
}

describe('batch normalisation as model state', () => {
  it('uses batch statistics in the step graph and returns updated running statistics', async () => {
    const { b, y } = model(true);
    expect([...modelState(b).keys()]).toEqual(['bn/running_mean', 'bn/running_var']);
    // zero gradients: this test is about the state path, not BN's backward rule
    const step = buildTrainingStep({
      builder: b, loss: op.reduceMean(y), optimizer: sgd({ lr: 0.1 }), metrics: { y },
      grad: (_l, wrt) => wrt.map((v) => b.constant(new Tensor('float32', v.shape))),
    });
    expect(step.spec.carried.filter((c) => c.kind === 'state').map((c) => c.output)).toEqual(['bn/running_mean.new', 'bn/running_var.new']);
    const session = await createNodeSession(step.serialize(), { threads: 1 });
    const values = step.initialValues();
    const { mean, variance } = batchStats();
    let rm = [0, 0]; let rv = [1, 1];
    for (let k = 0; k < 2; k++) {
      const feeds: Record<string, Tensor> = { x, step: Tensor.fromArray('int64', [], [BigInt(k)]) };
      for (const [name, t] of values) feeds[name] = t;
      const out = await session.run(feeds);
      for (const c of step.spec.carried) values.set(c.input, out[c.output]);
      rm = rm.map((v, c) => 0.75 * v + 0.25 * mean[c]);
      rv = rv.map((v, c) => 0.75 * v + 0.25 * variance[c]);
      out['bn/running_mean.new'].toArray().forEach((v, c) => expect(v).toBeCloseTo(rm[c], 5));
      out['bn/running_var.new'].toArray().forEach((v, c) => expect(v).toBeCloseTo(rv[c], 5));
      // normalised with the batch's statistics
      out.y.toArray().forEach((v, i) => {
        const c = Math.floor(i / (H * W)) % C;
        expect(v).toBeCloseTo((x.data[i] - mean[c]) / Math.sqrt(variance[c] + 1e-5), 4);
      });
    }
    await session.release();

    // The inference graph reads the running statistics: as inputs, or baked in by the export.
    const inf = model(false);
    inf.b.output(inf.y, 'y');
    expect(variableNames(inf.b)).toEqual(['bn/weight', 'bn/bias', 'bn/running_mean', 'bn/running_var']);
    const want = Array.from(x.data, (v, i) => { const c = Math.floor(i / (H * W)) % C; return (v - rm[c]) / Math.sqrt(rv[c] + 1e-5); });
    const fed = await createNodeSession(serializeWithVariables(inf.b), { threads: 1 });
    const feeds: Record<string, Tensor> = { x };
    for (const name of variableNames(inf.b)) feeds[name] = values.get(name)!;
    (await fed.run(feeds)).y.toArray().forEach((v, i) => expect(v).toBeCloseTo(want[i], 4));
    const baked = await createNodeSession(exportInferenceModel(inf.b, values), { threads: 1 });
    expect(baked.inputs.map((i) => i.name)).toEqual(['x']);
    (await baked.run({ x })).y.toArray().forEach((v, i) => expect(v).toBeCloseTo(want[i], 4));
  });

  it('rejects state that is trainable or not a parameter, and exports with a missing value', () => {
    const b = new GraphBuilder();
    const w = b.param('w', new Tensor('float32', [2]));
    expect(() => declareState(w)).toThrow(/'w' is trainable/);
    const xin = b.input('x', 'float32', [2]);
    expect(() => declareState(xin)).toThrow(/'x' is not a parameter/);
    b.output(op.mul(xin, w), 'y');
    expect(() => exportInferenceModel(b, new Map())).toThrow(/no trained value for 'w'/);
  });
});
