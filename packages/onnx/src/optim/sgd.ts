import type { Value } from '../builder/value';
import * as op from '../ops';
import { checkHyper, DecayFilter, Optimizer } from './types';

export interface SgdOptions {
  lr: number;
  /** Heavy-ball momentum (0 disables the momentum buffer). */
  momentum?: number;
  /** Nesterov momentum as in Sutskever et al. 2013 (PyTorch's formulation). */
  nesterov?: boolean;
  /** L2 penalty added to the gradient (coupled weight decay, as PyTorch's SGD). */
  weightDecay?: number;
  decayFilter?: DecayFilter;
}

/**
 * Stochastic gradient descent with PyTorch's update (dampening 0):
 * g += wd p; buf = mu buf + g; g = nesterov ? g + mu buf : buf; p -= lr g.
 */
export function sgd(o: SgdOptions): Optimizer {
  const momentum = o.momentum ?? 0;
  const wd = o.weightDecay ?? 0;
  checkHyper('sgd: lr', o.lr, 0, Infinity, true, true);
  checkHyper('sgd: momentum', momentum, 0, 1, false, true);
  checkHyper('sgd: weightDecay', wd, 0, Infinity, false, true);
  if (o.nesterov && momentum === 0) throw new Error('sgd: nesterov needs momentum > 0');
  return {
    kind: 'sgd',
    lr: o.lr,
    slots: momentum > 0 ? ['momentum'] : [],
    config: { kind: 'sgd', lr: o.lr, momentum, nesterov: !!o.nesterov, weightDecay: wd },
    begin: ({ lr }) => ({ name, param, grad, state }) => {
      let g = grad;
      if (wd > 0 && (o.decayFilter?.(name, param.dims) ?? true)) g = op.add(g, op.mul(param, wd));
      const newState: Record<string, Value> = {};
      if (momentum > 0) {
        const buf = op.add(op.mul(state.momentum, momentum), g);
        newState.momentum = buf;
        g = o.nesterov ? op.add(g, op.mul(buf, momentum)) : buf;
      }
      return { param: op.sub(param, op.mul(g, lr)), state: newState };
    },
  };
}
