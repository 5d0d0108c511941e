import type { DType } from '@seg/tensor';
import type { Dim } from '../builder/value';

/** What kind of value a step graph carries from one run to the next. */
export type CarriedKind = 'parameter' | 'optimizer' | 'state';

/** One value fed as `input` and returned (updated) as `output`; the trainer feeds it back. */
export interface CarriedSpec {
  input: string;
  output: string;
  kind: CarriedKind;
  dtype: DType;
  dims: number[];
}

/**
 * Plain-JSON description of a step graph's interface, enough for a trainer to drive it in any
 * runtime: carried values, batch inputs, the step counter and the named outputs.
 */
export interface StepSpec {
  carried: CarriedSpec[];
  batchInputs: { name: string; dtype: DType; dims: Dim[] }[];
  /** 0-based count of updates already applied; Adam's bias correction uses t = step + 1. */
  step: { name: string; dtype: 'int64' | 'float32' };
  loss: string;
  metrics: string[];
  /** Scheduled learning rate of this step. */
  lr: string;
  /** Global gradient norm before clipping (present when clipping or asked for). */
  gradNorm?: string;
  config: { optimizer: Record<string, unknown>; schedule: Record<string, unknown>; clipNorm: number | null };
}

/** Output name of a carried value's next value. */
export const nextName = (input: string): string => `${input}.new`;
