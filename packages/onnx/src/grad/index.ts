/**
 * Reverse-mode automatic differentiation that emits the backward pass as plain ONNX ops into the
 * same GraphBuilder (onnxruntime implements no ONNX `Gradient` op and ships no JS training).
 *
 *   const loss = op.reduceMean(...);
 *   const [dW, dB] = grad(loss, [w, b]);   // Values in the same builder, named grad/<node>/...
 *
 * Backward rules live in grad/rules/*, one file per op family, and are registered by the
 * explicit list in grad/registry.ts. Rules are checked against central finite differences by
 * grad/testing/finite-difference.ts (node-only, not exported here).
 */
export { grad } from './walker';
export type { GradOptions } from './walker';
export { getGradRule, differentiableOps } from './registry';
export type { GradContext, GradRule, LazyGrad } from './types';
export { unbroadcast } from './helpers';
