import type { Value } from '../builder/value';

/** Scalars shared by every parameter's update in one step graph. */
export interface StepScalars {
  /** Scheduled learning rate (base lr times the schedule's factor), float scalar. */
  lr: Value;
  /** 1-based step number t (the update being computed) as a float scalar, for bias corrections. */
  t: Value;
}

/** One parameter's update: its current value, gradient and per-parameter state slots. */
export interface ParamUpdate {
  name: string;
  param: Value;
  grad: Value;
  /** Current value of each slot, keyed by slot name (e.g. m, v). */
  state: Readonly<Record<string, Value>>;
}

export interface ParamUpdateResult {
  param: Value;
  state: Record<string, Value>;
}

/**
 * An optimizer emitted into the step graph. `begin` emits the nodes shared by all parameters
 * (bias corrections, ...) once and returns the per-parameter update. State slots start at zero.
 */
export interface Optimizer {
  readonly kind: string;
  /** Base learning rate; the schedule multiplies it. */
  readonly lr: number;
  /** Per-parameter state slots; slot `s` of parameter `p` is the step-graph input `<kind>/<s>/<p>`. */
  readonly slots: readonly string[];
  /** Plain-JSON description, stored in checkpoints' config. */
  readonly config: Record<string, unknown>;
  begin(scalars: StepScalars): (u: ParamUpdate) => ParamUpdateResult;
}

/** Which parameters get weight decay; by default every trainable parameter. */
export type DecayFilter = (name: string, dims: readonly (number | string)[]) => boolean;

/** A common filter: decay weights of rank >= 2 only, not biases or normalisation scales/shifts. */
export const decayMatricesOnly: DecayFilter = (_name, dims) => dims.length >= 2;

export function checkHyper(what: string, v: number, lo: number, hi: number, loOpen = false, hiOpen = false): void {
  const ok = (loOpen ? v > lo : v >= lo) && (hiOpen ? v < hi : v <= hi);
  if (!Number.isFinite(v) || !ok) throw new Error(`${what} must be in ${loOpen ? '(' : '['}${lo}, ${hi}${hiOpen ? ')' : ']'}, got ${v}`);
}

/** Name of a state slot's input in the step graph. */
export const stateName = (kind: string, slot: string, param: string): string => `${kind}/${slot}/${param}`;
