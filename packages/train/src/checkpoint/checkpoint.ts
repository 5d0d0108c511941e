import type { Tensor } from '@seg/tensor';
import type { CarriedKind } from '@seg/onnx';
import { decodeSafetensors, encodeSafetensors } from './safetensors';

/**
 * Everything needed to continue a run exactly: the values the step graph carries (parameters,
 * optimizer state, model state) under their step-graph input names, the number of steps taken,
 * and the run's configuration. Stored as one safetensors file (layout in packages/train/README.md).
 */
export interface Checkpoint {
  /** Number of steps already taken; the next step fed is this value. */
  step: number;
  /** Carried values by step-graph input name, e.g. `layer1/conv/weight`, `adam/m/layer1/conv/weight`. */
  values: Map<string, Tensor>;
  /** The kind of each value, so that parameters can be told from optimizer state without the graph. */
  kinds: Record<string, CarriedKind>;
  /** The run's configuration (seed, optimizer, schedule, user settings): plain JSON. */
  config: Record<string, unknown>;
  /** Evaluation metrics at this step, when it was evaluated. */
  metrics?: Record<string, number>;
}

export const CHECKPOINT_FORMAT = 'seg-checkpoint';
export const CHECKPOINT_VERSION = '1';

/** Serialises a checkpoint to safetensors bytes (values as tensors, the rest as string metadata). */
export function encodeCheckpoint(c: Checkpoint): Uint8Array {
  if (!Number.isInteger(c.step) || c.step < 0) throw new Error(`checkpoint step must be a non-negative integer, got ${c.step}`);
  for (const name of c.values.keys()) if (!c.kinds[name]) throw new Error(`checkpoint value '${name}' has no kind`);
  const metadata: Record<string, string> = {
    format: CHECKPOINT_FORMAT,
    version: CHECKPOINT_VERSION,
    step: String(c.step),
    kinds: JSON.stringify(c.kinds),
    config: JSON.stringify(c.config),
  };
  if (c.metrics) metadata.metrics = JSON.stringify(c.metrics);
  return encodeSafetensors(c.values, metadata);
}

/** Parses checkpoint bytes written by encodeCheckpoint; `what` names the file in errors. */
export function decodeCheckpoint(bytes: Uint8Array, what = 'checkpoint'): Checkpoint {
  const { tensors, metadata } = decodeSafetensors(bytes, what);
  if (metadata.format !== CHECKPOINT_FORMAT) {
    throw new Error(`${what}: not a seg checkpoint (metadata format is ${JSON.stringify(metadata.format)}, expected '${CHECKPOINT_FORMAT}')`);
  }
  if (metadata.version !== CHECKPOINT_VERSION) throw new Error(`${what}: checkpoint version ${metadata.version} is not supported (expected ${CHECKPOINT_VERSION})`);
  const step = Number(metadata.step);
  if (!Number.isInteger(step) || step < 0) throw new Error(`${what}: invalid step '${metadata.step}'`);
  const parse = (key: string): Record<string, never> => {
    try { return JSON.parse(metadata[key] ?? '{}'); } catch (e) { throw new Error(`${what}: metadata '${key}' is not JSON (${(e as Error).message})`); }
  };
  const kinds = parse('kinds') as Record<string, CarriedKind>;
  for (const name of tensors.keys()) if (!kinds[name]) throw new Error(`${what}: tensor '${name}' has no kind in the metadata`);
  return { step, values: tensors, kinds, config: parse('config'), metrics: metadata.metrics ? parse('metrics') : undefined };
}

/** Only the parameters and model state of a checkpoint (what an inference export needs). */
export function modelValues(c: Checkpoint): Map<string, Tensor> {
  return new Map([...c.values].filter(([name]) => c.kinds[name] !== 'optimizer'));
}
