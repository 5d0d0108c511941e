import type { Value } from '../../builder/value';

/**
 * A learning-rate schedule as a factor of the optimizer's base learning rate, defined twice:
 * in float64 TypeScript (for logs and references) and as graph nodes computed from the step
 * input, so one step graph serves every step of a run.
 */
export interface Schedule {
  readonly kind: string;
  /** Plain-JSON description, stored in checkpoints' config. */
  readonly config: Record<string, unknown>;
  /** The factor at a 0-based step (the number of updates already applied). */
  factorAt(step: number): number;
  /** The factor as a scalar of `step`'s float dtype; `step` is the 0-based step as a float scalar. */
  emit(step: Value): Value;
}

export function checkPositiveInt(what: string, v: number): void {
  if (!Number.isInteger(v) || v <= 0) throw new Error(`${what} must be a positive integer, got ${v}`);
}
