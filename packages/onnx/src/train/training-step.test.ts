import { Rng, Tensor } from '@seg/tensor';
import { createNodeSession } from '@seg/runtime/node';
import { GraphBuilder } from '../builder/graph-builder';
import type { Value } from '../builder/value';
import * as op from '../ops';
import { adam, adamw, decayMatricesOnly, Optimizer, sgd } from '../optim';
import { cosineSchedule, warmupSchedule } from '../optim/schedules';
import { GradFn, buildTrainingStep, TrainingStep, TrainingStepOptions } from './training-step';

/**
 * Tiny problem: linear regression Y ~ X W + c with a frozen input scale s, loss mean((s X W + c - Y)^2).
 * Gradients and optimizers are re-derived in float64 TypeScript as the reference.
 */
const [N, D, K] = [4, 3, 2];
const rng = new Rng(3);
const rand = (dims: number[]): Tensor<'float32'> => { const t = new Tensor('float32', dims); rng.fillNormal(t.data); return t; };
const X = rand([N, D]);
const Y = rand([N, K]);
const W0 = rand([D, K]);
const C0 = rand([K]);
const SCALE = 0.5;

function buildProblem(): { b: GraphBuilder; loss: Value; w: Value; c: Value; x: Value; y: Value; r: Value } {
  const b = new GraphBuilder();
  const x = b.input('x', 'float32', [N, D]);
  const y = b.input('y', 'float32', [N, K]);
  const w = b.param('w', W0.clone());
  const c = b.param('c', C0.clone());
  const s = b.param('s', Tensor.fromArray('float32', [], [SCALE]), { trainable: false });
  const r = op.sub(op.add(op.matmul(op.mul(x, s), w), c), y);
  return { b, loss: op.reduceMean(op.mul(r, r)), w, c, x, y, r };
}

/** Hand-written gradient of the problem: dW = 2/(NK) (sX)^T r, dc = 2/(NK) sum_rows r. */
const handGrad = (x: Value, r: Value): GradFn => (_loss, wrt) => {
  const k = 2 / (N * K);
  const dw = op.mul(op.matmul(op.transpose(op.mul(x, SCALE), [1, 0]), r), k);
  const dc = op.mul(op.reduceSum(r, [0]), k);
  return wrt.map((v) => (v.name === 'w' ? dw : dc));
};

/** float64 reference gradient at parameters (w, c). */
function refGrad(w: Float64Array, c: Float64Array): { dw: Float64Array; dc: Float64Array } {
  const dw = new Float64Array(D * K); const dc = new Float64Array(K);
  for (let n = 0; n < N; n++) for (let k = 0; k < K; k++) {
    let v = c[k] - Y.data[n * K + k];
    for (let d = 0; d < D; d++) v += SCALE * X.data[n * D + d] * w[d * K + k];
    const g = (2 / (N * K)) * v;
    dc[k] += g;
    for (let d = 0; d < D; d++) dw[d * K + k] += g * SCALE * X.data[n * D + d];
  }
  return { dw, dc };
}

async function runSteps(step: TrainingStep, count: number): Promise<Map<string, Tensor>[]> {
  const session = await createNodeSession(step.serialize(), { threads: 1 });
  const values = step.initialValues();
  const history: Map<string, Tensor>[] = [];
  for (let k = 0; k < count; k++) {
    const feeds: Record<string, Tensor> = { x: X, y: Y, step: Tensor.fromArray('int64', [], [BigInt(k)]) };
    for (const [name, t] of values) feeds[name] = t;
    const out = await session.run(feeds);
    for (const c of step.spec.carried) values.set(c.input, out[c.output]);
    history.push(new Map(Object.entries(out)));
  }
  await session.release();
  return history;
}

type RefUpdate = (p: Float64Array, g: Float64Array, state: Float64Array[], t: number, lr: number, decays: boolean) => void;

/** Runs the float64 reference optimizer for `count` steps; returns w and c after each. */
function reference(count: number, update: RefUpdate, slots: number, lrAt: (k: number) => number = () => 1, clip?: number): { w: Float64Array; c: Float64Array; norm: number }[] {
  const w = Float64Array.from(W0.data); const c = Float64Array.from(C0.data);
  const sw = Array.from({ length: slots }, () => new Float64Array(D * K));
  const sc = Array.from({ length: slots }, () => new Float64Array(K));
  const out: { w: Float64Array; c: Float64Array; norm: number }[] = [];
  for (let k = 0; k < count; k++) {
    const { dw, dc } = refGrad(w, c);
    const norm = Math.sqrt([...dw, ...dc].reduce((a, v) => a + v * v, 0));
    if (clip !== undefined) { const f = Math.min(1, clip / (norm + 1e-6)); dw.forEach((_, i) => { dw[i] *= f; }); dc.forEach((_, i) => { dc[i] *= f; }); }
    update(w, dw, sw, k + 1, lrAt(k), true);
    update(c, dc, sc, k + 1, lrAt(k), false);
    out.push({ w: w.slice(), c: c.slice(), norm });
  }
  return out;
}

function expectClose(got: Tensor, want: Float64Array, tol = 2e-5): void {
  got.toArray().forEach((v, i) => expect(Math.abs(v - want[i])).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(want[i]))));
}

function build(optimizer: Optimizer, extra: Partial<TrainingStepOptions> = {}, hand = true): TrainingStep {
  const p = buildProblem();
  return buildTrainingStep({ builder: p.b, loss: p.loss, optimizer, grad: hand ? handGrad(p.x, p.r) : undefined, metrics: { residual: p.r }, ...extra });
}

describe('buildTrainingStep', () => {
  it('declares a predictable interface; frozen parameters stay initializers', () => {
    const step = build(adam({ lr: 0.1 }));
    expect(step.spec.carried.map((c) => `${c.kind}:${c.input}->${c.output}`)).toEqual([
      'parameter:w->w.new', 'optimizer:adam/m/w->adam/m/w.new', 'optimizer:adam/v/w->adam/v/w.new',
      'parameter:c->c.new', 'optimizer:adam/m/c->adam/m/c.new', 'optimizer:adam/v/c->adam/v/c.new',
    ]);
    expect(step.spec.batchInputs.map((i) => i.name)).toEqual(['x', 'y']);
    expect(step.spec.step).toEqual({ name: 'step', dtype: 'int64' });
    expect(step.spec.metrics).toEqual(['residual']);
    expect(step.builder.outputs.map((v) => v.name)).toEqual(['loss', 'residual', 'lr', 'w.new', 'adam/m/w.new', 'adam/v/w.new', 'c.new', 'adam/m/c.new', 'adam/v/c.new']);
    const init = step.initialValues();
    expect([...init.keys()]).not.toContain('s');
    expect(init.get('adam/v/c')!.toArray()).toEqual([0, 0]);
    expect(JSON.parse(JSON.stringify(step.spec.config))).toEqual({ optimizer: { kind: 'adam', lr: 0.1, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0 }, schedule: { kind: 'constant' }, clipNorm: null });
  });

  it('takes one Adam step like the float64 reference (L2 weight decay on matrices only)', async () => {
    const opt = adam({ lr: 0.05, weightDecay: 0.1, decayFilter: decayMatricesOnly });
    const [out] = await runSteps(build(opt), 1);
    const ref = reference(1, (p, g, [m, v], t, f, decays) => {
      for (let i = 0; i < p.length; i++) {
        const gi = g[i] + (decays ? 0.1 * p[i] : 0);
        m[i] = 0.9 * m[i] + 0.1 * gi; v[i] = 0.999 * v[i] + 0.001 * gi * gi;
        p[i] -= ((0.05 * f) / (1 - 0.9 ** t)) * (m[i] / (Math.sqrt(v[i]) / Math.sqrt(1 - 0.999 ** t) + 1e-8));
      }
    }, 2);
    expectClose(out.get('w.new')!, ref[0].w);
    expectClose(out.get('c.new')!, ref[0].c);
    expect(out.get('lr')!.data[0]).toBeCloseTo(0.05, 7);
  });

  it('takes three AdamW steps under a warm-up cosine schedule like the reference', async () => {
    const schedule = warmupSchedule(cosineSchedule({ totalSteps: 10 }), { steps: 2, startFactor: 0.5 });
    const hist = await runSteps(build(adamw({ lr: 0.1, weightDecay: 0.2 }), { schedule }), 3);
    const ref = reference(3, (p, g, [m, v], t, f) => {
      const lr = 0.1 * f;
      for (let i = 0; i < p.length; i++) {
        p[i] *= 1 - lr * 0.2;
        m[i] = 0.9 * m[i] + 0.1 * g[i]; v[i] = 0.999 * v[i] + 0.001 * g[i] * g[i];
        p[i] -= (lr / (1 - 0.9 ** t)) * (m[i] / (Math.sqrt(v[i]) / Math.sqrt(1 - 0.999 ** t) + 1e-8));
      }
    }, 2, (k) => schedule.factorAt(k));
    hist.forEach((out, k) => {
      expectClose(out.get('w.new')!, ref[k].w);
      expectClose(out.get('c.new')!, ref[k].c);
      expect(out.get('lr')!.data[0]).toBeCloseTo(0.1 * schedule.factorAt(k), 7);
    });
  });

  it.each([false, true])('takes three SGD momentum steps like the reference (nesterov %s)', async (nesterov) => {
    const hist = await runSteps(build(sgd({ lr: 0.1, momentum: 0.9, nesterov, weightDecay: 0.01 })), 3);
    const ref = reference(3, (p, g, [buf]) => {
      for (let i = 0; i < p.length; i++) {
        const gi = g[i] + 0.01 * p[i];
        buf[i] = 0.9 * buf[i] + gi;
        p[i] -= 0.1 * (nesterov ? gi + 0.9 * buf[i] : buf[i]);
      }
    }, 1);
    hist.forEach((out, k) => { expectClose(out.get('w.new')!, ref[k].w); expectClose(out.get('c.new')!, ref[k].c); });
  });

  it('clips gradients to a global norm and reports the norm before clipping', async () => {
    const hist = await runSteps(build(sgd({ lr: 0.1 }), { clipNorm: 0.05 }), 2);
    const ref = reference(2, (p, g) => { for (let i = 0; i < p.length; i++) p[i] -= 0.1 * g[i]; }, 0, () => 1, 0.05);
    expect(ref[0].norm).toBeGreaterThan(0.05);
    hist.forEach((out, k) => {
      expect(out.get('grad_norm')!.data[0]).toBeCloseTo(ref[k].norm, 5);
      expectClose(out.get('w.new')!, ref[k].w);
      expectClose(out.get('c.new')!, ref[k].c);
    });
    // the step actually taken has norm lr * clip
    const moved = Math.hypot(...hist[0].get('w.new')!.toArray().map((v, i) => v - W0.data[i]), ...hist[0].get('c.new')!.toArray().map((v, i) => v - C0.data[i]));
    expect(moved).toBeCloseTo(0.1 * 0.05, 6);
  });

  it('differentiates with the engine autodiff to the same update as the hand-written gradient', async () => {
    const [auto] = await runSteps(build(sgd({ lr: 0.1, momentum: 0.5 }), {}, false), 1);
    const [hand] = await runSteps(build(sgd({ lr: 0.1, momentum: 0.5 })), 1);
    expectClose(auto.get('w.new')!, Float64Array.from(hand.get('w.new')!.data as Float32Array), 1e-6);
    expectClose(auto.get('c.new')!, Float64Array.from(hand.get('c.new')!.data as Float32Array), 1e-6);
  });

  it('rejects a non-scalar loss and a graph without trainable parameters', () => {
    const p = buildProblem();
    expect(() => buildTrainingStep({ builder: p.b, loss: p.r, optimizer: sgd({ lr: 1 }) })).toThrow(/loss must be a scalar, got \[4, 2\]/);
    const b = new GraphBuilder();
    const x = b.input('x', 'float32', [2]);
    expect(() => buildTrainingStep({ builder: b, loss: op.reduceSum(x), optimizer: sgd({ lr: 1 }) })).toThrow(/no trainable parameters/);
    expect(() => sgd({ lr: 0.1, nesterov: true })).toThrow(/nesterov needs momentum > 0/);
    expect(() => adam({ lr: 0.1, beta2: 1 })).toThrow(/beta2 must be in \[0, 1\), got 1/);
  });
});
