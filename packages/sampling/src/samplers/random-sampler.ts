import type { Rng } from '@seg/tensor';
import { AssignResult, negativeIndices, positiveIndices } from '../assigners/assign-result';
import { randomChoice } from './random-choice';
import { BaseSampler, checkKeys, COMMON_KEYS, SamplerCommonConfig } from './sampler';

export interface RandomSamplerConfig extends SamplerCommonConfig {
  type: 'RandomSampler';
}

/** Uniform sampling of positives and negatives (Fast R-CNN's minibatch sampling). */
export class RandomSampler extends BaseSampler {
  constructor(config: SamplerCommonConfig & { type?: string }, rng: Rng, type = 'RandomSampler', extraKeys: readonly string[] = []) {
    checkKeys(type, config, [...COMMON_KEYS, ...extraKeys]);
    super(type, config, rng);
  }

  samplePos(assign: AssignResult, numExpected: number): Int32Array {
    const pos = positiveIndices(assign);
    return pos.length <= numExpected ? pos : randomChoice(pos, numExpected, this.rng);
  }

  sampleNeg(assign: AssignResult, numExpected: number): Int32Array {
    const neg = negativeIndices(assign);
    return neg.length <= numExpected ? neg : randomChoice(neg, numExpected, this.rng);
  }
}
