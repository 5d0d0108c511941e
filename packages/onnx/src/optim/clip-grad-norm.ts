import type { Value } from '../builder/value';
import * as op from '../ops';

/** The global L2 norm of a list of gradients, sqrt(sum_i ||g_i||^2), as a scalar. */
export function globalNorm(grads: readonly Value[]): Value {
  if (grads.length === 0) throw new Error('globalNorm: no gradients');
  const squares = grads.map((g) => op.reduce('ReduceSumSquare', g));
  return op.sqrt(squares.reduce((acc, s) => op.add(acc, s)));
}

/**
 * Global-norm gradient clipping (Pascanu et al. 2013), as PyTorch's clip_grad_norm_: every
 * gradient is scaled by min(1, maxNorm / (norm + 1e-6)). Returns the clipped gradients and the
 * norm before clipping.
 */
export function clipGradNorm(grads: readonly Value[], maxNorm: number): { grads: Value[]; norm: Value } {
  if (!(maxNorm > 0)) throw new Error(`clipGradNorm: maxNorm must be > 0, got ${maxNorm}`);
  const norm = globalNorm(grads);
  const scale = op.min(op.div(norm.builder.scalar(maxNorm, norm.dtype), op.add(norm, 1e-6)), 1);
  return { grads: grads.map((g) => op.mul(g, scale)), norm };
}
