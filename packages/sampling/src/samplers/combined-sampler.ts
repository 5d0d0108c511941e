import type { Rng } from '@seg/tensor';
import type { AssignResult } from '../assigners/assign-result';
import { BaseSampler, checkKeys, COMMON_KEYS, SamplerCommonConfig } from './sampler';

/** A sub-sampler's config: its type plus any option; num, pos_fraction, ... default to the parent's. */
export interface SubSamplerConfig extends Partial<SamplerCommonConfig> {
  type: string;
  [option: string]: unknown;
}

export interface CombinedSamplerConfig extends SamplerCommonConfig {
  type: 'CombinedSampler';
  pos_sampler: SubSamplerConfig;
  neg_sampler: SubSamplerConfig;
}

export type SamplerBuilder = (config: SubSamplerConfig & SamplerCommonConfig, rng: Rng) => BaseSampler;

/**
 * Positives from one sampler and negatives from another (mmdetection's CombinedSampler), e.g. Libra
 * R-CNN's instance-balanced positives with IoU-balanced negatives. The parts inherit num,
 * pos_fraction, neg_pos_ub and add_gt_as_proposals unless their own config sets them, and share
 * the parent's random generator.
 */
export class CombinedSampler extends BaseSampler {
  constructor(config: CombinedSamplerConfig, rng: Rng, build: SamplerBuilder) {
    checkKeys('CombinedSampler', config, [...COMMON_KEYS, 'pos_sampler', 'neg_sampler']);
    super('CombinedSampler', config, rng);
    for (const key of ['pos_sampler', 'neg_sampler'] as const) {
      const sub = config[key];
      if (!sub || typeof sub !== 'object' || typeof sub.type !== 'string') {
        throw new Error(`CombinedSampler: ${key} must be a sampler config with a 'type', got ${JSON.stringify(sub)}`);
      }
    }
    const inherited = { num: config.num, pos_fraction: config.pos_fraction, neg_pos_ub: config.neg_pos_ub, add_gt_as_proposals: config.add_gt_as_proposals };
    const withDefaults = (sub: SubSamplerConfig) => {
      const merged: Record<string, unknown> = { ...sub };
      for (const [k, v] of Object.entries(inherited)) if (merged[k] === undefined && v !== undefined) merged[k] = v;
      return merged as SubSamplerConfig & SamplerCommonConfig;
    };
    this.posSampler = build(withDefaults(config.pos_sampler), rng);
    this.negSampler = build(withDefaults(config.neg_sampler), rng);
  }

  samplePos(assign: AssignResult, numExpected: number): Int32Array { return this.posSampler.samplePos(assign, numExpected); }
  sampleNeg(assign: AssignResult, numExpected: number): Int32Array { return this.negSampler.sampleNeg(assign, numExpected); }
}
