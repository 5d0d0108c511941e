import type { Tensor } from '@seg/tensor';
import type { WeakConfig } from '../pipeline/config';
import type { ChannelStats } from '../pixel/pixel-input';

export const WEAK_MODEL_FORMAT = 'seg-weak-model';
export const WEAK_MODEL_VERSION = 1;

/** A trained method-1 model: configuration, input statistics and the trained values of each stage. */
export interface WeakModel {
  config: WeakConfig;
  /** Raw vertex feature channels C (the GCN sees 2C: set and tile z-scores). */
  vertexChannels: number;
  /** Column statistics of the raw vertex features over the training set (GCN input). */
  vertexStats: ChannelStats | null;
  /** Statistics of the pixel FCN's input planes over the training set. */
  pixelStats: ChannelStats | null;
  /** GCN parameters (null for the size-loss baseline, which has no vertex stage). */
  gcn: Map<string, Tensor> | null;
  /** Pixel FCN parameters (null when pixel refinement is off). */
  pixel: Map<string, Tensor> | null;
  /** Decision thresholds of the pixel FCN and of the superpixel GCN (calibrated on the training ratios, or the config's). */
  thresholds: { pixel: number; superpixel: number };
  summary: TrainSummary;
}

export interface TrainSummary {
  images: string[];
  trainMs: number;
  /** Dice of each stage's pseudo-labels against the training masks, when masks were given (a diagnostic). */
  pseudoLabelDice?: Record<string, number>;
  stages: Record<string, { ms: number; loss?: number }>;
  /** Mean absolute error of the training images' predicted ratios at the chosen thresholds. */
  calibration?: { pixel?: number; superpixel?: number };
}
