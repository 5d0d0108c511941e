import type { Tensor } from '@seg/tensor';
import type { Checkpoint } from '../checkpoint/checkpoint';

/** Reported after every step. */
export interface ProgressEvent {
  /** Steps taken so far (this step included). */
  step: number;
  /** The run's total number of steps. */
  steps: number;
  loss: number;
  lr: number;
  gradNorm?: number;
  /** Scalar metric outputs of the step graph. */
  metrics: Record<string, number>;
  /** Wall time since this run (or resume) started, and the mean rate so far. */
  elapsedMs: number;
  stepsPerSecond: number;
}

/** Reported after every evaluation. */
export interface EvaluationEvent {
  step: number;
  metrics: Record<string, number>;
  /** Whether this evaluation is the best so far (and was kept). */
  best: boolean;
  bestStep: number;
  bestValue: number;
}

export interface EvaluateOptions {
  /** Evaluate every this many steps, and after the last step. */
  every: number;
  /**
   * Computes validation metrics from the current values (parameters and model state by name),
   * typically by running an inference graph (see exportInferenceModel / serializeWithVariables).
   */
  run(ctx: { step: number; values: ReadonlyMap<string, Tensor> }): Promise<Record<string, number>> | Record<string, number>;
  /** The metric that decides the best checkpoint. */
  metric: string;
  /** 'max' (default; IoU, accuracy) or 'min' (a validation loss). */
  mode?: 'max' | 'min';
  /** Stop after this many evaluations in a row without improvement. */
  patience?: number;
}

/** Where checkpoints go: 'latest' every `every` steps and when the run ends, 'best' on improvement. */
export interface Checkpointer {
  every?: number;
  save(checkpoint: Checkpoint, tag: 'latest' | 'best'): Promise<void> | void;
}

export type StopReason = 'completed' | 'aborted' | 'early-stopped';

export interface TrainResult {
  /** Steps taken in total (including those before a resume). */
  step: number;
  reason: StopReason;
  /** Loss of every step taken by this run, in order. */
  losses: number[];
  /** Final carried values by input name. */
  values: Map<string, Tensor>;
  best?: { step: number; metrics: Record<string, number>; values: Map<string, Tensor> };
}
