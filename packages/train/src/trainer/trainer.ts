import { Tensor } from '@seg/tensor';
import type { CarriedKind, StepSpec } from '@seg/onnx';
import type { Session } from '@seg/runtime';
import type { Checkpoint } from '../checkpoint/checkpoint';
import { batchReader, DataSource } from '../data/data-source';
import type { Checkpointer, EvaluateOptions, EvaluationEvent, ProgressEvent, StopReason, TrainResult } from './types';

export interface TrainerOptions {
  /** The step graph's interface (TrainingStep.spec). */
  spec: StepSpec;
  /** A session of the step graph (TrainingStep.serialize()) in any runtime. */
  session: Session;
  /** Initial carried values (TrainingStep.initialValues()); a resume checkpoint overrides them. */
  initial: ReadonlyMap<string, Tensor>;
  data: DataSource;
  /** Total number of steps of the run (a resumed run ends at the same step). */
  steps: number;
  /** Seed of the run, stored in checkpoints (data sources should derive their order from it). */
  seed?: number;
  /** User configuration stored in checkpoints. */
  config?: Record<string, unknown>;
  /** Continue from this checkpoint. */
  resume?: Checkpoint;
  /** Cancels the run between steps; the trainer returns with reason 'aborted'. */
  signal?: AbortSignal;
  evaluate?: EvaluateOptions;
  checkpoints?: Checkpointer;
  onProgress?(e: ProgressEvent): void;
  onEvaluate?(e: EvaluationEvent): void;
}

const scalar = (t: Tensor | undefined): number | undefined => (t && t.size === 1 ? Number(t.data[0]) : undefined);

/**
 * Runs a step graph for a number of steps: each run takes a batch, the step counter and the
 * carried values (parameters, optimizer and model state) and returns their next values, which
 * are fed to the next run. Evaluates, keeps the best values, writes checkpoints, reports progress,
 * and stops early (patience) or on an AbortSignal. Runtime-agnostic: file I/O is in '@seg/train/node'.
 */
export class Trainer {
  private readonly o: TrainerOptions;
  private values = new Map<string, Tensor>();
  private current: number;
  private readonly kinds: Record<string, CarriedKind> = {};

  constructor(options: TrainerOptions) {
    this.o = options;
    const { spec, session } = options;
    if (!Number.isInteger(options.steps) || options.steps < 0) throw new Error(`Trainer: steps must be a non-negative integer, got ${options.steps}`);
    for (const [what, every] of [['evaluate.every', options.evaluate?.every], ['checkpoints.every', options.checkpoints?.every]] as const) {
      if (every !== undefined && (!Number.isInteger(every) || every <= 0)) throw new Error(`Trainer: ${what} must be a positive integer, got ${every}`);
    }
    // The session must be the step graph this spec describes.
    const expected = new Set([...spec.batchInputs.map((i) => i.name), spec.step.name, ...spec.carried.map((c) => c.input)]);
    const actual = new Set(session.inputs.map((i) => i.name));
    const missing = [...expected].filter((n) => !actual.has(n));
    const extra = [...actual].filter((n) => !expected.has(n));
    if (missing.length || extra.length) {
      throw new Error(`Trainer: the session's inputs do not match the step spec${missing.length ? `; missing ${missing.join(', ')}` : ''}${extra.length ? `; unexpected ${extra.join(', ')}` : ''}`);
    }
    const source = options.resume?.values ?? options.initial;
    for (const c of spec.carried) {
      const t = source.get(c.input);
      if (!t) throw new Error(`Trainer: no ${options.resume ? 'checkpoint' : 'initial'} value for '${c.input}' (${c.kind})`);
      if (t.dtype !== c.dtype || t.dims.join() !== c.dims.join()) {
        throw new Error(`Trainer: value '${c.input}' is ${t}, the step graph expects ${c.dtype}[${c.dims.join(', ')}]`);
      }
      this.values.set(c.input, t);
      this.kinds[c.input] = c.kind;
    }
    this.current = options.resume?.step ?? 0;
    if (this.current > options.steps) throw new Error(`Trainer: the checkpoint is at step ${this.current}, past the run's ${options.steps} steps`);
  }

  /** Steps taken so far. */
  get step(): number { return this.current; }

  /** Current carried values by step-graph input name (replaced, never mutated, after each step). */
  get currentValues(): ReadonlyMap<string, Tensor> { return this.values; }

  /** A checkpoint of the current state. */
  checkpoint(metrics?: Record<string, number>, values: ReadonlyMap<string, Tensor> = this.values, step = this.current): Checkpoint {
    return {
      step,
      values: new Map(values),
      kinds: { ...this.kinds },
      config: { seed: this.o.seed ?? null, steps: this.o.steps, graph: this.o.spec.config, user: this.o.config ?? {} },
      metrics,
    };
  }

  async run(): Promise<TrainResult> {
    const { spec, session, signal, evaluate, checkpoints } = this.o;
    const read = batchReader(this.o.data);
    const losses: number[] = [];
    const mode = evaluate?.mode ?? 'max';
    let best: TrainResult['best'];
    let bestValue = mode === 'max' ? -Infinity : Infinity;
    let stale = 0;
    let reason: StopReason = 'completed';
    let lastEvaluated = -1;
    const start = this.current;
    const t0 = performance.now();

    const doEvaluate = async (): Promise<boolean> => {
      lastEvaluated = this.current;
      const metrics = await evaluate!.run({ step: this.current, values: this.values });
      const v = metrics[evaluate!.metric];
      if (typeof v !== 'number') throw new Error(`Trainer: the evaluation returned no metric '${evaluate!.metric}' (got ${Object.keys(metrics).join(', ') || 'none'})`);
      const improved = mode === 'max' ? v > bestValue : v < bestValue;
      if (improved) {
        bestValue = v;
        stale = 0;
        best = { step: this.current, metrics, values: new Map(this.values) };
        await checkpoints?.save(this.checkpoint(metrics), 'best');
      } else stale++;
      this.o.onEvaluate?.({ step: this.current, metrics, best: improved, bestStep: best?.step ?? -1, bestValue });
      return evaluate!.patience !== undefined && stale >= evaluate!.patience;
    };

    // The next batch is read while the current step runs.
    let next: Promise<Record<string, Tensor>> | null = this.current < this.o.steps ? read(this.current) : null;
    next?.catch(() => undefined);
    while (this.current < this.o.steps) {
      if (signal?.aborted) { reason = 'aborted'; break; }
      const step = this.current;
      const batch = await next!;
      const feeds: Record<string, Tensor> = { ...batch };
      for (const [name, t] of this.values) feeds[name] = t;
      feeds[spec.step.name] = spec.step.dtype === 'int64' ? Tensor.fromArray('int64', [], [BigInt(step)]) : Tensor.fromArray('float32', [], [step]);
      const running = session.run(feeds);
      next = step + 1 < this.o.steps ? read(step + 1) : null;
      next?.catch(() => undefined);
      const out = await running;

      const loss = scalar(out[spec.loss]);
      if (loss === undefined) throw new Error(`Trainer: the step graph returned no scalar '${spec.loss}'`);
      if (!Number.isFinite(loss)) throw new Error(`Trainer: the loss is ${loss} at step ${step}; lower the learning rate or clip gradients (clipNorm)`);
      const updated = new Map<string, Tensor>();
      for (const c of spec.carried) {
        const t = out[c.output];
        if (!t) throw new Error(`Trainer: the step graph returned no '${c.output}'`);
        updated.set(c.input, t);
      }
      this.values = updated;
      this.current = step + 1;
      losses.push(loss);

      if (this.o.onProgress) {
        const metrics: Record<string, number> = {};
        for (const m of spec.metrics) { const v = scalar(out[m]); if (v !== undefined) metrics[m] = v; }
        const elapsedMs = performance.now() - t0;
        this.o.onProgress({
          step: this.current, steps: this.o.steps, loss, lr: scalar(out[spec.lr]) ?? NaN,
          gradNorm: spec.gradNorm ? scalar(out[spec.gradNorm]) : undefined,
          metrics, elapsedMs, stepsPerSecond: (this.current - start) / Math.max(elapsedMs / 1000, 1e-9),
        });
      }
      if (evaluate && this.current % evaluate.every === 0 && (await doEvaluate())) { reason = 'early-stopped'; break; }
      if (checkpoints?.every && this.current % checkpoints.every === 0 && this.current < this.o.steps) await checkpoints.save(this.checkpoint(), 'latest');
    }
    if (reason === 'completed' && evaluate && lastEvaluated !== this.current && this.current > start) await doEvaluate();
    await checkpoints?.save(this.checkpoint(), 'latest');
    return { step: this.current, reason, losses, values: this.values, best };
  }
}
