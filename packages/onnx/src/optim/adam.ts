import type { Value } from '../builder/value';
import * as op from '../ops';
import { checkHyper, DecayFilter, Optimizer } from './types';

export interface AdamOptions {
  lr: number;
  beta1?: number;
  beta2?: number;
  eps?: number;
  /** Adam: L2 penalty added to the gradient. AdamW: decoupled decay p *= 1 - lr wd. */
  weightDecay?: number;
  decayFilter?: DecayFilter;
}

/** Adam (Kingma & Ba 2015) with bias correction from the step input, as PyTorch's Adam. */
export function adam(o: AdamOptions): Optimizer {
  return adamFamily(o, false);
}

/** AdamW (Loshchilov & Hutter, "Decoupled Weight Decay Regularization", 2019), as PyTorch's AdamW. */
export function adamw(o: AdamOptions): Optimizer {
  return adamFamily({ weightDecay: 0.01, ...o }, true);
}

function adamFamily(o: AdamOptions, decoupled: boolean): Optimizer {
  const kind = decoupled ? 'adamw' : 'adam';
  const b1 = o.beta1 ?? 0.9;
  const b2 = o.beta2 ?? 0.999;
  const eps = o.eps ?? 1e-8;
  const wd = o.weightDecay ?? 0;
  checkHyper(`${kind}: lr`, o.lr, 0, Infinity, true, true);
  checkHyper(`${kind}: beta1`, b1, 0, 1, false, true);
  checkHyper(`${kind}: beta2`, b2, 0, 1, false, true);
  checkHyper(`${kind}: eps`, eps, 0, Infinity, true, true);
  checkHyper(`${kind}: weightDecay`, wd, 0, Infinity, false, true);
  return {
    kind,
    lr: o.lr,
    // Both variants keep the same moments, so their state is named alike (adam/m/<param>).
    slots: ['m', 'v'],
    config: { kind, lr: o.lr, beta1: b1, beta2: b2, eps, weightDecay: wd },
    begin({ lr, t }) {
      const b = lr.builder;
      // Step size and denominator scale shared by every parameter:
      // p -= (lr / (1 - b1^t)) * m / (sqrt(v) / sqrt(1 - b2^t) + eps)
      const one = b.scalar(1, lr.dtype);
      const stepSize = op.div(lr, op.sub(one, op.pow(b.scalar(b1, lr.dtype), t)));
      const sqrtBc2 = op.sqrt(op.sub(one, op.pow(b.scalar(b2, lr.dtype), t)));
      const decayFactor = decoupled && wd > 0 ? op.sub(one, op.mul(lr, wd)) : null;
      return ({ name, param, grad, state }) => {
        const decays = wd > 0 && (o.decayFilter?.(name, param.dims) ?? true);
        let p: Value = param;
        let g: Value = grad;
        if (decays && decayFactor) p = op.mul(p, decayFactor);
        else if (decays) g = op.add(g, op.mul(param, wd));
        const m = op.add(op.mul(state.m, b1), op.mul(g, 1 - b1));
        const v = op.add(op.mul(state.v, b2), op.mul(op.mul(g, g), 1 - b2));
        const denom = op.add(op.div(op.sqrt(v), sqrtBc2), eps);
        return { param: op.sub(p, op.mul(op.div(m, denom), stepSize)), state: { m, v } };
      };
    },
  };
}
