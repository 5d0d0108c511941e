import { createNodeSession } from '@seg/runtime/node';
import type { SessionFactory } from '../engine/step-runner';

/** onnxruntime-node sessions on the CPU with a fixed thread count (default 1: the machine is shared). */
export function nodeSessionFactory(threads = 1): SessionFactory {
  return (model, label) => createNodeSession(model, { threads }, label);
}
