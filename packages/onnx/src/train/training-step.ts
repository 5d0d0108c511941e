import { Tensor } from '@seg/tensor';
import type { GraphBuilder } from '../builder/graph-builder';
import type { Value } from '../builder/value';
import { grad as autodiff } from '../grad';
import * as op from '../ops';
import { clipGradNorm, globalNorm } from '../optim/clip-grad-norm';
import { constantSchedule } from '../optim/schedules/constant';
import type { Schedule } from '../optim/schedules/types';
import { Optimizer, stateName } from '../optim/types';
import { modelState } from './model-state';
import { serializeWithVariables } from './serialize-variables';
import { CarriedSpec, nextName, StepSpec } from './step-spec';

export type GradFn = (loss: Value, wrt: readonly Value[]) => Value[];

export interface TrainingStepOptions {
  /** The builder holding the forward graph and the loss (built with setTrainingMode(b) for batch norm). */
  builder: GraphBuilder;
  /** Scalar loss to minimise. */
  loss: Value;
  /** Extra outputs reported each step, by name (e.g. accuracy); any shape. */
  metrics?: Record<string, Value>;
  optimizer: Optimizer;
  /** Learning-rate factor by step; constant by default. */
  schedule?: Schedule;
  /** Clip gradients to this global L2 norm (PyTorch's clip_grad_norm_). */
  clipNorm?: number;
  /** Also output the global gradient norm when not clipping. */
  reportGradNorm?: boolean;
  /** dtype of the step input; int64 by default. */
  stepDtype?: 'int64' | 'float32';
  /** Name of the step input ('step'). */
  stepInput?: string;
  /** Differentiation; @seg/onnx's grad() by default (tests may pass a hand-written one). */
  grad?: GradFn;
}

/** A step graph: the builder with backward and update nodes added, its interface and initial values. */
export interface TrainingStep {
  readonly builder: GraphBuilder;
  readonly spec: StepSpec;
  /** Initial value of every carried input: the builder's parameter tensors, zeros for optimizer state. */
  initialValues(): Map<string, Tensor>;
  /** The ONNX model: carried values and batch inputs as graph inputs, frozen parameters as initializers. */
  serialize(): Uint8Array;
}

/**
 * Turns a forward graph with a loss into ONE training-step graph: forward, backward (reverse-mode
 * autodiff emitted as ONNX ops), optional global-norm clipping, scheduled learning rate and the
 * optimizer update. Inputs: batch inputs, `step`, trainable parameters (`<param>`), optimizer
 * state (`<kind>/<slot>/<param>`) and model state (batch-norm running stats). Outputs: `loss`,
 * metrics, `lr`, optionally `grad_norm`, and `<input>.new` for every carried input.
 * Frozen parameters stay initializers and get no gradient.
 */
export function buildTrainingStep(o: TrainingStepOptions): TrainingStep {
  const b = o.builder;
  const { loss, optimizer } = o;
  const schedule = o.schedule ?? constantSchedule();
  if (loss.builder !== b) throw new Error(`buildTrainingStep: loss '${loss.name}' belongs to another builder`);
  if (loss.dtype !== 'float32' && loss.dtype !== 'float64') throw new Error(`buildTrainingStep: loss must be float, got ${loss.dtype}`);
  if (!loss.isStatic || loss.shape.reduce((a, d) => a * d, 1) !== 1) {
    throw new Error(`buildTrainingStep: loss must be a scalar, got [${loss.dims.join(', ')}]; reduce it first`);
  }
  const trainable = b.trainableParameters();
  if (trainable.length === 0) throw new Error('buildTrainingStep: the graph has no trainable parameters');
  for (const p of trainable) if (p.tensor.dtype !== loss.dtype) throw new Error(`buildTrainingStep: parameter '${p.value.name}' is ${p.tensor.dtype} but the loss is ${loss.dtype}`);
  const batchInputs = b.inputs.map((v) => ({ name: v.name, dtype: v.dtype, dims: [...v.dims] }));

  // Step 1: the step counter and the scheduled learning rate.
  const stepDtype = o.stepDtype ?? 'int64';
  const stepName = o.stepInput ?? 'step';
  const stepIn = b.input(stepName, stepDtype, []);
  const { t, lr } = b.scope('schedule', () => {
    const f = op.cast(stepIn, loss.dtype);
    return { t: op.add(f, 1), lr: op.mul(schedule.emit(f), optimizer.lr) };
  });

  // Step 2: gradients of the loss with respect to every trainable parameter.
  let grads = (o.grad ?? autodiff)(loss, trainable.map((p) => p.value));
  if (grads.length !== trainable.length) throw new Error(`buildTrainingStep: grad returned ${grads.length} gradients for ${trainable.length} parameters`);

  // Step 3: optional global-norm clipping.
  let gradNorm: Value | undefined;
  if (o.clipNorm !== undefined) {
    ({ grads, norm: gradNorm } = b.scope('clip', () => clipGradNorm(grads, o.clipNorm!)));
  } else if (o.reportGradNorm) {
    gradNorm = b.scope('clip', () => globalNorm(grads));
  }

  // Step 4: the optimizer update of each parameter, with its state slots as inputs.
  const carried: CarriedSpec[] = [];
  const outputs: [Value, string][] = [];
  b.scope('optimizer', () => {
    const update = optimizer.begin({ lr, t });
    trainable.forEach((p, i) => {
      const name = p.value.name;
      const state: Record<string, Value> = {};
      for (const slot of optimizer.slots) state[slot] = b.input(stateName(optimizer.kind, slot, name), p.tensor.dtype, p.tensor.dims);
      const next = update({ name, param: p.value, grad: grads[i], state });
      carried.push({ input: name, output: nextName(name), kind: 'parameter', dtype: p.tensor.dtype, dims: [...p.tensor.dims] });
      outputs.push([next.param, nextName(name)]);
      for (const slot of optimizer.slots) {
        const input = stateName(optimizer.kind, slot, name);
        if (!next.state[slot]) throw new Error(`optimizer '${optimizer.kind}' returned no '${slot}' state for '${name}'`);
        carried.push({ input, output: nextName(input), kind: 'optimizer', dtype: p.tensor.dtype, dims: [...p.tensor.dims] });
        outputs.push([next.state[slot], nextName(input)]);
      }
    });
  });

  // Step 5: model state (batch-norm running statistics) declared by the layers.
  for (const [name, next] of modelState(b)) {
    const p = b.parameters.get(name)!;
    carried.push({ input: name, output: nextName(name), kind: 'state', dtype: p.tensor.dtype, dims: [...p.tensor.dims] });
    // State that this graph does not update passes through unchanged.
    outputs.push([next ?? p.value, nextName(name)]);
  }

  // Step 6: outputs: loss, metrics, lr, grad norm, then every carried value's next value.
  b.output(loss, 'loss');
  const metrics = Object.entries(o.metrics ?? {});
  for (const [name, v] of metrics) b.output(v, name);
  b.output(lr, 'lr');
  if (gradNorm) b.output(gradNorm, 'grad_norm');
  for (const [v, name] of outputs) b.output(v, name);

  const spec: StepSpec = {
    carried,
    batchInputs,
    step: { name: stepName, dtype: stepDtype },
    loss: 'loss',
    metrics: metrics.map(([name]) => name),
    lr: 'lr',
    gradNorm: gradNorm ? 'grad_norm' : undefined,
    config: { optimizer: optimizer.config, schedule: schedule.config, clipNorm: o.clipNorm ?? null },
  };
  return {
    builder: b,
    spec,
    initialValues() {
      const values = new Map<string, Tensor>();
      for (const c of carried) {
        values.set(c.input, c.kind === 'optimizer' ? new Tensor(c.dtype, c.dims) : b.parameters.get(c.input)!.tensor.clone());
      }
      return values;
    },
    serialize: () => serializeWithVariables(b),
  };
}
