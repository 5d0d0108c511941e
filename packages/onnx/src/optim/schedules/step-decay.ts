import * as op from '../../ops';
import { checkPositiveInt, Schedule } from './types';

/** Step decay (PyTorch's StepLR): gamma^floor(step / stepSize). */
export function stepSchedule(o: { stepSize: number; gamma?: number }): Schedule {
  checkPositiveInt('stepSchedule: stepSize', o.stepSize);
  const gamma = o.gamma ?? 0.1;
  return {
    kind: 'step',
    config: { kind: 'step', stepSize: o.stepSize, gamma },
    factorAt: (step) => gamma ** Math.floor(step / o.stepSize),
    // Dividing two integer-valued floats rounds exactly, so floor() never lands one period early.
    emit: (step) => op.pow(step.builder.scalar(gamma, step.dtype), op.floor(op.div(step, o.stepSize))),
  };
}

/** Multi-step decay (PyTorch's MultiStepLR): gamma^(number of milestones <= step). */
export function multiStepSchedule(o: { milestones: readonly number[]; gamma?: number }): Schedule {
  const milestones = [...o.milestones];
  milestones.forEach((m, i) => {
    checkPositiveInt('multiStepSchedule: milestone', m);
    if (i > 0 && m <= milestones[i - 1]) throw new Error(`multiStepSchedule: milestones must increase, got [${milestones}]`);
  });
  const gamma = o.gamma ?? 0.1;
  return {
    kind: 'multistep',
    config: { kind: 'multistep', milestones, gamma },
    factorAt: (step) => gamma ** milestones.filter((m) => m <= step).length,
    emit(step) {
      const b = step.builder;
      if (milestones.length === 0) return b.scalar(1, step.dtype);
      const passed = milestones.map((m) => op.cast(op.greaterOrEqual(step, m), step.dtype));
      const count = passed.reduce((acc, v) => op.add(acc, v));
      return op.pow(b.scalar(gamma, step.dtype), count);
    },
  };
}
