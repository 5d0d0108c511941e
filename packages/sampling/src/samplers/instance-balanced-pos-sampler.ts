import type { Rng } from '@seg/tensor';
import { AssignResult, positiveIndices } from '../assigners/assign-result';
import { concatIndices, randomChoice, setDifference } from './random-choice';
import { RandomSampler } from './random-sampler';
import type { SamplerCommonConfig } from './sampler';

export interface InstanceBalancedPosSamplerConfig extends SamplerCommonConfig {
  type: 'InstanceBalancedPosSampler';
}

/**
 * Positives spread evenly over ground-truth instances (Libra R-CNN, Pang et al., CVPR 2019;
 * mmdetection's InstanceBalancedPosSampler), so that large objects with many overlapping proposals
 * do not crowd out small ones. Negatives are sampled uniformly.
 */
export class InstanceBalancedPosSampler extends RandomSampler {
  constructor(config: SamplerCommonConfig & { type?: string }, rng: Rng) {
    super(config, rng, 'InstanceBalancedPosSampler');
  }

  override samplePos(assign: AssignResult, numExpected: number): Int32Array {
    const pos = positiveIndices(assign);
    if (pos.length <= numExpected) return pos;
    // Step 1: group positives by their ground truth (ascending gt index, as torch.unique).
    const numGts = assign.numGts;
    const counts = new Int32Array(numGts + 1);
    for (let i = 0; i < pos.length; i++) counts[assign.gtInds[pos[i]]]++;
    let present = 0;
    for (let g = 1; g <= numGts; g++) if (counts[g] > 0) present++;
    // Step 2: a quota of round(num / #instances) + 1 per instance (Python's round: half to even).
    const perGt = roundHalfEven(numExpected / present) + 1;
    const parts: Int32Array[] = [];
    for (let g = 1; g <= numGts; g++) {
      if (counts[g] === 0) continue;
      const inds = new Int32Array(counts[g]);
      let m = 0;
      for (let i = 0; i < pos.length; i++) if (assign.gtInds[pos[i]] === g) inds[m++] = pos[i];
      parts.push(inds.length > perGt ? randomChoice(inds, perGt, this.rng) : inds);
    }
    let sampled = concatIndices(parts);
    // Step 3: top up from the unused positives, or trim at random to the expected count.
    if (sampled.length < numExpected) {
      let extra = setDifference(pos, sampled, assign.gtInds.length);
      const need = numExpected - sampled.length;
      if (extra.length > need) extra = randomChoice(extra, need, this.rng);
      sampled = concatIndices([sampled, extra]);
    } else if (sampled.length > numExpected) {
      sampled = randomChoice(sampled, numExpected, this.rng);
    }
    return sampled;
  }
}

/** Python's round(): halves go to the even neighbour. */
export function roundHalfEven(x: number): number {
  const f = Math.floor(x);
  const d = x - f;
  if (d > 0.5) return f + 1;
  if (d < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}
