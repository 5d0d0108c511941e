import { nextName, StepSpec, TrainingStep } from '@seg/onnx';
import type { Session } from '@seg/runtime';
import { Tensor } from '@seg/tensor';

/** Creates a session of an ONNX model in whatever runtime the caller uses (node, browser). */
export type SessionFactory = (model: Uint8Array, label: string) => Promise<Session>;

/**
 * Drives one training-step graph of @seg/onnx (forward, backward and optimizer update in one run)
 * by hand: it feeds the carried values (parameters, optimizer state) back each step. Method 1
 * needs this finer control than @seg/train's Trainer: the pseudo-labels (batch inputs) are
 * recomputed from the model's own scores between epochs.
 */
export class StepRunner {
  private carried: Map<string, Tensor>;
  private count = 0;

  private constructor(readonly step: TrainingStep, private readonly session: Session) {
    this.carried = step.initialValues();
  }

  static async create(step: TrainingStep, createSession: SessionFactory, label: string): Promise<StepRunner> {
    return new StepRunner(step, await createSession(step.serialize(), label));
  }

  get spec(): StepSpec { return this.step.spec; }

  /** Steps taken so far (the step counter fed to the graph: Adam's bias correction and the schedule use it). */
  get steps(): number { return this.count; }

  /** One step on a batch; returns every output of the graph (loss, metrics, updated values). */
  async run(batch: Record<string, Tensor>): Promise<Record<string, Tensor>> {
    const feeds: Record<string, Tensor> = { ...batch, [this.spec.step.name]: Tensor.fromArray('int64', [], [BigInt(this.count)]) };
    for (const [k, v] of this.carried) feeds[k] = v;
    const out = await this.session.run(feeds);
    const loss = Number(out[this.spec.loss].data[0]);
    if (!Number.isFinite(loss)) throw new Error(`training diverged: the loss is ${loss} at step ${this.count}; lower the learning rate`);
    for (const c of this.spec.carried) this.carried.set(c.input, out[nextName(c.input)]);
    this.count++;
    return out;
  }

  /** Every carried value (for a resumable checkpoint) and the kind of each. */
  state(): { step: number; values: Map<string, Tensor>; kinds: Record<string, 'parameter' | 'optimizer' | 'state'> } {
    const kinds: Record<string, 'parameter' | 'optimizer' | 'state'> = {};
    for (const c of this.spec.carried) kinds[c.input] = c.kind;
    return { step: this.count, values: new Map(this.carried), kinds };
  }

  /** Parameters and model state only (what an inference model needs). */
  parameters(): Map<string, Tensor> {
    const out = new Map<string, Tensor>();
    for (const c of this.spec.carried) if (c.kind !== 'optimizer') out.set(c.input, this.carried.get(c.input)!);
    return out;
  }

  /** Continues from saved values (a checkpoint): every carried value must be present with its shape. */
  restore(step: number, values: ReadonlyMap<string, Tensor>): void {
    for (const c of this.spec.carried) {
      const t = values.get(c.input);
      if (!t) throw new Error(`checkpoint has no value for '${c.input}' (${c.kind}); was it written by another model configuration?`);
      if (t.dims.join() !== c.dims.join()) throw new Error(`checkpoint value '${c.input}' is [${t.dims.join(', ')}], the model expects [${c.dims.join(', ')}]`);
      this.carried.set(c.input, t);
    }
    this.count = step;
  }

  /** Replaces only the parameters (e.g. warm start from another run); optimizer state restarts. */
  setParameters(values: ReadonlyMap<string, Tensor>): void {
    for (const c of this.spec.carried) {
      if (c.kind === 'optimizer') { this.carried.set(c.input, new Tensor(c.dtype, c.dims)); continue; }
      const t = values.get(c.input);
      if (t) this.carried.set(c.input, t);
    }
  }

  release(): Promise<void> { return this.session.release(); }
}
