import { Tensor } from '@seg/tensor';
import { float } from '../builder/attributes';
import type { GraphBuilder } from '../builder/graph-builder';
import type { Value } from '../builder/value';
import { declareState, isTrainingMode } from './model-state';

/** The four tensors of a batch-norm layer; running statistics are non-trainable state. */
export interface BatchNormParams {
  scale: Value;
  bias: Value;
  runningMean: Value;
  runningVar: Value;
}

/**
 * Creates batch-norm parameters under the current scope (`weight`, `bias`, `running_mean`,
 * `running_var`, PyTorch's names) and declares the running statistics as model state.
 */
export function batchNormParams(b: GraphBuilder, channels: number, dtype: 'float32' | 'float64' = 'float32'): BatchNormParams {
  const filled = (v: number): Tensor => { const t = new Tensor(dtype, [channels]); (t.data as Float32Array).fill(v); return t; };
  const p: BatchNormParams = {
    scale: b.param('weight', filled(1)),
    bias: b.param('bias', filled(0)),
    runningMean: b.param('running_mean', filled(0), { trainable: false }),
    runningVar: b.param('running_var', filled(1), { trainable: false }),
  };
  declareState(p.runningMean);
  declareState(p.runningVar);
  return p;
}

export interface BatchNormOptions {
  /** PyTorch's convention: running = (1 - momentum) running + momentum batch (ONNX's momentum is 1 - this). */
  momentum?: number;
  epsilon?: number;
  /** Overrides the builder's training mode (setTrainingMode). */
  training?: boolean;
}

/**
 * Batch normalisation (Ioffe & Szegedy 2015). In a training graph it normalises with the batch's
 * statistics (ONNX training_mode=1) and declares the updated running statistics as the state's
 * next values; otherwise it uses the running statistics. ONNX updates the running variance with
 * the biased batch variance (PyTorch uses the unbiased one).
 */
export function batchNormalization(x: Value, p: BatchNormParams, o: BatchNormOptions = {}): Value {
  const b = x.builder;
  const momentum = o.momentum ?? 0.1;
  if (!(momentum >= 0 && momentum <= 1)) throw new Error(`batchNormalization: momentum must be in [0, 1], got ${momentum}`);
  const attrs = { epsilon: float(o.epsilon ?? 1e-5), momentum: float(1 - momentum) };
  const inputs = [x, p.scale, p.bias, p.runningMean, p.runningVar];
  if (!(o.training ?? isTrainingMode(b))) return b.node1('BatchNormalization', inputs, attrs);
  const [y, mean, variance] = b.node('BatchNormalization', inputs, { ...attrs, training_mode: 1 });
  declareState(p.runningMean, mean);
  declareState(p.runningVar, variance);
  return y;
}
