import { adam, buildTrainingStep, GraphBuilder, nextName, op, softmaxCrossEntropy, TrainingStep } from '@seg/onnx';
import type { Session } from '@seg/runtime';
import { Tensor } from '@seg/tensor';
import type { TrainingSet } from '../clicks/sample';
import type { FeatureGrid } from '../features/feature-grid';
import type { CellProducts } from './products';

export type SessionFactory = (model: Uint8Array, label: string) => Promise<Session>;

export interface LogisticRegressionOptions {
  channels: number;
  classes?: number;
  /** L2 penalty on the weights (sum of squares times this). */
  l2?: number;
  /** Adam steps per click (each one `session.run` of the engine's training-step graph). */
  steps?: number;
  lr?: number;
}

/**
 * Multinomial logistic regression with an L2 penalty, trained by seg's own training-step graph
 * (forward, autodiff backward and Adam update in one ONNX graph, one run per step). Between
 * clicks the weights are kept, so each click warm-starts from the previous solution.
 */
export class LogisticRegression {
  readonly channels: number;
  readonly classes: number;
  private readonly opts: Required<Omit<LogisticRegressionOptions, 'channels' | 'classes'>>;
  /** Training-step graphs by row capacity (rows are padded with zero weight to a power of two). */
  private trainers = new Map<number, { step: TrainingStep; session: Session }>();
  private carried = new Map<string, Tensor>();
  private stepCount = 0;

  constructor(private readonly createSession: SessionFactory, o: LogisticRegressionOptions) {
    if (!Number.isInteger(o.channels) || o.channels < 1) throw new Error(`logistic regression: channels must be a positive integer, got ${o.channels}`);
    this.channels = o.channels;
    this.classes = o.classes ?? 2;
    this.opts = { l2: o.l2 ?? 1e-3, steps: o.steps ?? 60, lr: o.lr ?? 0.05 };
  }

  /** Weights [C, K] and bias [K] as parameters of a builder, zero-initialised (a convex problem). */
  private params(b: GraphBuilder) {
    const w = b.param('lr/weight', new Tensor('float32', [this.channels, this.classes]));
    const bias = b.param('lr/bias', new Tensor('float32', [this.classes]));
    return { w, bias };
  }

  private async trainer(capacity: number): Promise<{ step: TrainingStep; session: Session }> {
    const hit = this.trainers.get(capacity);
    if (hit) return hit;
    const b = new GraphBuilder({ name: 'interactive-lr-train' });
    const x = b.input('x', 'float32', [capacity, this.channels]);
    const y = b.input('y', 'int64', [capacity]);
    const weight = b.input('weight', 'float32', [capacity]);
    const { w, bias } = this.params(b);
    const logits = op.add(op.matmul(x, w), bias);
    const data = softmaxCrossEntropy(logits, y, { weight });
    const loss = op.add(data, op.mul(op.reduceSum(op.mul(w, w)), this.opts.l2));
    const step = buildTrainingStep({ builder: b, loss, optimizer: adam({ lr: this.opts.lr }) });
    const session = await this.createSession(step.serialize(), 'interactive classifier (training step)');
    const t = { step, session };
    this.trainers.set(capacity, t);
    return t;
  }

  /** Fits the classifier to the click samples, continuing from the current weights; returns the final loss. */
  async fit(set: TrainingSet): Promise<number> {
    if (set.count === 0) throw new Error('logistic regression: no training samples (add a click)');
    for (let i = 0; i < set.count; i++) {
      if (set.labels[i] < 0 || set.labels[i] >= this.classes) throw new Error(`sample ${i} has class ${set.labels[i]}; the classifier has ${this.classes} classes`);
    }
    const capacity = Math.max(64, 2 ** Math.ceil(Math.log2(set.count)));
    const { step, session } = await this.trainer(capacity);
    // Padding rows carry zero weight, so they change neither the loss nor the gradient.
    const x = new Float32Array(capacity * this.channels);
    x.set(set.features.subarray(0, set.count * this.channels));
    const y = new BigInt64Array(capacity);
    for (let i = 0; i < set.count; i++) y[i] = BigInt(set.labels[i]);
    const weight = new Float32Array(capacity);
    weight.set(set.weights.subarray(0, set.count));
    const batch = {
      x: new Tensor('float32', [capacity, this.channels], x),
      y: new Tensor('int64', [capacity], y),
      weight: new Tensor('float32', [capacity], weight),
    };
    if (this.carried.size === 0) this.carried = step.initialValues();
    // A fresh optimizer state per fit: the problem changed with the click, the weights carry over.
    for (const c of step.spec.carried) if (c.kind === 'optimizer') this.carried.set(c.input, new Tensor('float32', c.dims));
    let loss = NaN;
    for (let s = 0; s < this.opts.steps; s++) {
      const feeds: Record<string, Tensor> = { ...batch, [step.spec.step.name]: Tensor.fromArray('int64', [], [s]) };
      for (const [k, v] of this.carried) feeds[k] = v;
      const out = await session.run(feeds);
      for (const c of step.spec.carried) this.carried.set(c.input, out[nextName(c.input)]);
      loss = out[step.spec.loss].data[0] as number;
    }
    this.stepCount++;
    return loss;
  }

  /**
   * Class probabilities [n, K] for feature rows [n, C]. A dense pass over the grid is one small
   * matrix product, done in place here: feeding the grid to a session would copy it every click.
   */
  predict(rows: Float32Array, n: number): Float32Array {
    const { w, bias } = this.weights();
    const C = this.channels, K = this.classes;
    if (rows.length < n * C) throw new Error(`predict: ${rows.length} values for ${n} rows of ${C} features`);
    const wd = w.data as Float32Array, bd = bias.data as Float32Array;
    // weights transposed to [K, C] so the inner loop walks both arrays contiguously
    const wt = new Float32Array(K * C);
    for (let c = 0; c < C; c++) for (let k = 0; k < K; k++) wt[k * C + c] = wd[c * K + k];
    const out = new Float32Array(n * K);
    const logits = new Float64Array(K);
    for (let i = 0; i < n; i++) {
      const o = i * C;
      let max = -Infinity;
      for (let k = 0; k < K; k++) {
        let s = bd[k];
        const ok = k * C;
        for (let c = 0; c < C; c++) s += rows[o + c] * wt[ok + c];
        logits[k] = s;
        if (s > max) max = s;
      }
      let z = 0;
      for (let k = 0; k < K; k++) { logits[k] = Math.exp(logits[k] - max); z += logits[k]; }
      for (let k = 0; k < K; k++) out[i * K + k] = logits[k] / z;
    }
    return out;
  }

  /**
   * Class probabilities [cells, K] over a whole feature grid, the dense pass run by `products`
   * (onnxruntime's GEMM with engineProducts: several times faster than predict() on wide grids).
   */
  async predictGrid(grid: FeatureGrid, products: CellProducts): Promise<Float32Array> {
    if (grid.channels !== this.channels) throw new Error(`predictGrid: the grid has ${grid.channels} channels, the classifier ${this.channels}`);
    const { w, bias } = this.weights();
    const C = this.channels, K = this.classes;
    const wd = w.data as Float32Array, bd = bias.data as Float32Array;
    const wt = new Float32Array(K * C);
    for (let c = 0; c < C; c++) for (let k = 0; k < K; k++) wt[k * C + c] = wd[c * K + k];
    const logits = await products.project(grid, wt, K);
    const n = grid.width * grid.height;
    const out = new Float32Array(n * K);
    for (let i = 0; i < n; i++) {
      let max = -Infinity;
      for (let k = 0; k < K; k++) max = Math.max(max, logits[i * K + k] + bd[k]);
      let z = 0;
      for (let k = 0; k < K; k++) { const e = Math.exp(logits[i * K + k] + bd[k] - max); out[i * K + k] = e; z += e; }
      for (let k = 0; k < K; k++) out[i * K + k] /= z;
    }
    return out;
  }

  /** Current weights (zeros before the first fit). */
  weights(): { w: Tensor; bias: Tensor } {
    const w = this.carried.get('lr/weight') ?? new Tensor('float32', [this.channels, this.classes]);
    const bias = this.carried.get('lr/bias') ?? new Tensor('float32', [this.classes]);
    return { w, bias };
  }

  /** Forgets the learned weights (a new image). Sessions are kept: their graphs do not change. */
  reset(): void {
    this.carried = new Map();
    this.stepCount = 0;
  }

  async release(): Promise<void> {
    for (const t of this.trainers.values()) await t.session.release();
    this.trainers.clear();
  }
}
