import * as op from '../../ops';
import { checkPositiveInt, Schedule } from './types';

/**
 * Cosine annealing without restarts (Loshchilov & Hutter, SGDR, 2017):
 * min + (1 - min) * (1 + cos(pi * min(step, T) / T)) / 2, constant at `minFactor` after T steps.
 */
export function cosineSchedule(o: { totalSteps: number; minFactor?: number }): Schedule {
  checkPositiveInt('cosineSchedule: totalSteps', o.totalSteps);
  const T = o.totalSteps;
  const lo = o.minFactor ?? 0;
  return {
    kind: 'cosine',
    config: { kind: 'cosine', totalSteps: T, minFactor: lo },
    factorAt: (step) => lo + (1 - lo) * 0.5 * (1 + Math.cos((Math.PI * Math.min(step, T)) / T)),
    emit(step) {
      const angle = op.mul(op.min(step, T), Math.PI / T);
      const cos = step.builder.node1('Cos', [angle]);
      return op.add(op.mul(op.add(cos, 1), 0.5 * (1 - lo)), lo);
    },
  };
}

/** Polynomial decay used by DeepLab (Chen et al. 2017): (1 - min(step, T) / T)^power. */
export function polySchedule(o: { totalSteps: number; power?: number }): Schedule {
  checkPositiveInt('polySchedule: totalSteps', o.totalSteps);
  const T = o.totalSteps;
  const power = o.power ?? 0.9;
  return {
    kind: 'poly',
    config: { kind: 'poly', totalSteps: T, power },
    factorAt: (step) => (1 - Math.min(step, T) / T) ** power,
    emit: (step) => op.pow(op.sub(step.builder.scalar(1, step.dtype), op.div(op.min(step, T), T)), power),
  };
}
