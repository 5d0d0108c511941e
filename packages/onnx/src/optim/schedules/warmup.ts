import * as op from '../../ops';
import { checkPositiveInt, Schedule } from './types';

/**
 * Linear warm-up (Goyal et al., "Accurate, Large Minibatch SGD", 2017) in front of another
 * schedule, as mmcv does it: the inner factor times startFactor + (1 - startFactor) * step / W
 * for step < W, and the inner factor alone from step W on.
 */
export function warmupSchedule(inner: Schedule, o: { steps: number; startFactor?: number }): Schedule {
  checkPositiveInt('warmupSchedule: steps', o.steps);
  const W = o.steps;
  const start = o.startFactor ?? 0.001;
  if (!(start >= 0 && start <= 1)) throw new Error(`warmupSchedule: startFactor must be in [0, 1], got ${start}`);
  const ramp = (step: number): number => Math.min(1, start + ((1 - start) * step) / W);
  return {
    kind: 'warmup',
    config: { kind: 'warmup', steps: W, startFactor: start, inner: inner.config },
    factorAt: (step) => inner.factorAt(step) * ramp(step),
    emit(step) {
      const r = op.min(op.add(op.mul(step, (1 - start) / W), start), 1);
      return op.mul(inner.emit(step), r);
    },
  };
}
