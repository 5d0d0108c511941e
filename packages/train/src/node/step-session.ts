import type { TrainingStep } from '@seg/onnx';
import type { Session, SessionOptions } from '@seg/runtime';
import { createNodeSession } from '@seg/runtime/node';

/** An onnxruntime-node session of a step graph (CPU, or CUDA with CPU fallback). */
export function createStepSession(step: TrainingStep, options: SessionOptions = {}): Promise<Session> {
  return createNodeSession(step.serialize(), options, 'training step graph');
}
