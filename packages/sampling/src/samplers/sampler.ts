import type { Rng } from '@seg/tensor';
import { AssignResult, withGtAsProposals } from '../assigners/assign-result';
import { boxCount, Boxes } from '../boxes/boxes';
import { uniqueSorted } from './random-choice';
import type { SamplingResult } from './sampling-result';

/** Options every sampler shares (mmdetection's BaseSampler arguments). */
export interface SamplerCommonConfig {
  /** Total boxes to sample per image. */
  num: number;
  /** Fraction of `num` to draw from positives; negatives fill the rest. */
  pos_fraction: number;
  /** Cap negatives at neg_pos_ub * max(1, #positives); < 0 means no cap (default -1). */
  neg_pos_ub?: number;
  /** Prepend the ground truths as proposals before sampling (default true). */
  add_gt_as_proposals?: boolean;
}

export const COMMON_KEYS = ['type', 'num', 'pos_fraction', 'neg_pos_ub', 'add_gt_as_proposals'] as const;

/** Throws naming the first key not in `known`. */
export function checkKeys(type: string, config: object, known: readonly string[]): void {
  for (const k of Object.keys(config)) {
    if (!known.includes(k)) throw new Error(`${type}: unknown option '${k}'; known options: ${known.filter((x) => x !== 'type').join(', ')}`);
  }
}

/**
 * A positive/negative box sampler. Subclasses choose *which* positives and negatives; `sample`
 * decides *how many* (mmdetection's BaseSampler.sample, step by step).
 */
export abstract class BaseSampler {
  readonly num: number;
  readonly posFraction: number;
  readonly negPosUb: number;
  readonly addGtAsProposals: boolean;
  /** The sampler choosing positives / negatives: itself, or the parts of a CombinedSampler. */
  protected posSampler: BaseSampler = this;
  protected negSampler: BaseSampler = this;

  constructor(readonly type: string, config: SamplerCommonConfig, protected readonly rng: Rng) {
    if (!Number.isInteger(config.num) || config.num < 0) throw new Error(`${type}: num must be a non-negative integer, got ${String(config.num)}`);
    if (!(config.pos_fraction >= 0 && config.pos_fraction <= 1)) throw new Error(`${type}: pos_fraction must be in [0, 1], got ${String(config.pos_fraction)}`);
    this.num = config.num;
    this.posFraction = config.pos_fraction;
    this.negPosUb = config.neg_pos_ub ?? -1;
    this.addGtAsProposals = config.add_gt_as_proposals ?? true;
  }

  /** Chooses at most `numExpected` of the positive boxes (gtInds > 0). */
  abstract samplePos(assign: AssignResult, numExpected: number): Int32Array;
  /** Chooses at most `numExpected` of the negative boxes (gtInds == 0). */
  abstract sampleNeg(assign: AssignResult, numExpected: number): Int32Array;

  sample(assign: AssignResult, boxes: Boxes, gtBoxes: Boxes, gtLabels?: ArrayLike<number>): SamplingResult {
    const n = boxCount(boxes, 'boxes');
    const k = boxCount(gtBoxes, 'gtBoxes');
    if (assign.gtInds.length !== n) throw new Error(`${this.type}: the assignment covers ${assign.gtInds.length} boxes but ${n} boxes were given`);
    if (assign.numGts !== k) throw new Error(`${this.type}: the assignment was made against ${assign.numGts} ground truths but ${k} were given`);
    // Step 1: optionally add the ground truths as perfect proposals.
    let allBoxes = boxes;
    let gtFlags = new Uint8Array(n);
    if (this.addGtAsProposals && k > 0) {
      allBoxes = new Float32Array((k + n) * 4);
      allBoxes.set(gtBoxes, 0);
      allBoxes.set(boxes, k * 4);
      assign = withGtAsProposals(assign, gtLabels);
      gtFlags = new Uint8Array(k + n);
      gtFlags.fill(1, 0, k);
    }
    // Step 2: positives, at most floor(num * pos_fraction).
    const numExpectedPos = Math.floor(this.num * this.posFraction);
    const posInds = uniqueSorted(this.posSampler.samplePos(assign, numExpectedPos));
    // Step 3: negatives fill the rest, capped at neg_pos_ub times the positives.
    let numExpectedNeg = this.num - posInds.length;
    if (this.negPosUb >= 0) numExpectedNeg = Math.min(numExpectedNeg, Math.floor(this.negPosUb * Math.max(1, posInds.length)));
    const negInds = uniqueSorted(this.negSampler.sampleNeg(assign, numExpectedNeg));
    const posAssignedGtInds = new Int32Array(posInds.length);
    const posIsGt = new Uint8Array(posInds.length);
    for (let i = 0; i < posInds.length; i++) {
      posAssignedGtInds[i] = assign.gtInds[posInds[i]] - 1;
      posIsGt[i] = gtFlags[posInds[i]];
    }
    return { posInds, negInds, posAssignedGtInds, posIsGt, boxes: allBoxes, gtFlags, assign };
  }
}
