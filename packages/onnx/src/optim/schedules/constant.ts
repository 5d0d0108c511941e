import type { Schedule } from './types';

/** The base learning rate at every step. */
export function constantSchedule(): Schedule {
  return {
    kind: 'constant',
    config: { kind: 'constant' },
    factorAt: () => 1,
    emit: (step) => step.builder.scalar(1, step.dtype),
  };
}
