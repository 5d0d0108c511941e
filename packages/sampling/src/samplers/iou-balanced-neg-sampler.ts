import type { Rng } from '@seg/tensor';
import { AssignResult, negativeIndices } from '../assigners/assign-result';
import { concatIndices, randomChoice, setDifference, shufflePrefix } from './random-choice';
import { RandomSampler } from './random-sampler';
import type { SamplerCommonConfig } from './sampler';

export interface IoUBalancedNegSamplerConfig extends SamplerCommonConfig {
  type: 'IoUBalancedNegSampler';
  /**
   * Negatives with max IoU below floor_thr form the "floor" set, sampled at random; those at or above
   * it are sampled evenly across IoU bins. -1 (default) means no floor: every negative is binned.
   */
  floor_thr?: number;
  /** Fraction of the negatives to draw from the floor set (default 0; mmdetection's -1 is read as 0). */
  floor_fraction?: number;
  /** Number of equal-width IoU bins spanning [floor_thr, max IoU) (default 3). */
  num_bins?: number;
}

/**
 * IoU-balanced negative sampling (Libra R-CNN, Pang et al., CVPR 2019, Sec. 3.1; same parameters and
 * semantics as mmdetection's IoUBalancedNegSampler). Hard negatives (higher IoU) are rare under
 * uniform sampling; splitting the IoU range into bins and sampling each bin equally makes them
 * appear in proportion to the range they cover rather than to their count. Positives are uniform.
 *
 * Exact semantics, edge cases included (they follow mmdetection so that configs carry over):
 * - when there are at most `numExpected` negatives, all are returned;
 * - floor set: floor_thr > 0: negatives with IoU in [0, floor_thr); floor_thr = 0: IoU == 0;
 *   floor_thr = -1: empty. The binned set is the other negatives (IoU >= floor_thr, or > 0 / > -1);
 * - floor(numExpected * (1 - floor_fraction)) negatives come from the binned set: the bins are
 *   [floor_thr + i*w, floor_thr + (i+1)*w) with w = (max IoU - floor_thr) / num_bins, where max IoU is
 *   the maximum over ALL boxes in the assignment (positives and added ground truths included, so it is
 *   usually 1); each bin gives floor(n / num_bins) at random, or all it has; the shortfall is filled at
 *   random from the binned set's unsampled negatives. With floor_thr = -1 the first bins start below 0
 *   and stay empty; their share is then filled from the rest as just described;
 * - with num_bins = 1, or when the binned set is no larger than its quota, it is sampled uniformly
 *   or taken whole;
 * - the floor set then supplies the remainder at random; any remaining shortfall is drawn at random
 *   from all unsampled negatives.
 */
export class IoUBalancedNegSampler extends RandomSampler {
  readonly floorThr: number;
  readonly floorFraction: number;
  readonly numBins: number;

  constructor(config: SamplerCommonConfig & { type?: string; floor_thr?: number; floor_fraction?: number; num_bins?: number }, rng: Rng) {
    super(config, rng, 'IoUBalancedNegSampler', ['floor_thr', 'floor_fraction', 'num_bins']);
    const floorThr = config.floor_thr ?? -1;
    let floorFraction = config.floor_fraction ?? 0;
    const numBins = config.num_bins ?? 3;
    if (!(floorThr >= 0 || floorThr === -1)) throw new Error(`IoUBalancedNegSampler: floor_thr must be >= 0 or -1 (no floor), got ${floorThr}`);
    if (floorFraction === -1) floorFraction = 0;
    if (!(floorFraction >= 0 && floorFraction <= 1)) throw new Error(`IoUBalancedNegSampler: floor_fraction must be in [0, 1], got ${floorFraction}`);
    if (!Number.isInteger(numBins) || numBins < 1) throw new Error(`IoUBalancedNegSampler: num_bins must be an integer >= 1, got ${numBins}`);
    this.floorThr = floorThr;
    this.floorFraction = floorFraction;
    this.numBins = numBins;
  }

  override sampleNeg(assign: AssignResult, numExpected: number): Int32Array {
    const neg = negativeIndices(assign);
    if (neg.length <= numExpected) return neg;
    const mo = assign.maxOverlaps;
    const size = mo.length;
    // Step 1: split the negatives into the floor set and the IoU-binned set (one pass).
    const t = this.floorThr;
    const floorBuf = new Int32Array(neg.length), binnedBuf = new Int32Array(neg.length);
    let nf = 0, nb = 0;
    for (let k = 0; k < neg.length; k++) {
      const i = neg[k], v = mo[i];
      if (t > 0) { if (v >= t) binnedBuf[nb++] = i; else if (v >= 0) floorBuf[nf++] = i; }
      else if (t === 0) { if (v > 0) binnedBuf[nb++] = i; else if (v === 0) floorBuf[nf++] = i; }
      else if (v > t) binnedBuf[nb++] = i;
    }
    const floorSet = floorBuf.subarray(0, nf), binnedSet = binnedBuf.subarray(0, nb);
    // Step 2: the binned share, balanced across IoU bins.
    const numBinned = Math.floor(numExpected * (1 - this.floorFraction));
    let binnedSampled: Int32Array;
    if (binnedSet.length > numBinned) {
      binnedSampled = this.numBins >= 2 ? this.sampleViaInterval(mo, binnedSet, numBinned) : randomChoice(binnedSet, numBinned, this.rng);
    } else {
      binnedSampled = binnedSet;
    }
    // Step 3: the floor set supplies the rest.
    const numFloor = numExpected - binnedSampled.length;
    const floorSampled = floorSet.length > numFloor ? randomChoice(floorSet, numFloor, this.rng) : floorSet;
    let sampled = concatIndices([floorSampled, binnedSampled]);
    // Step 4: any shortfall from all remaining negatives.
    if (sampled.length < numExpected) {
      let extra = setDifference(neg, sampled, size);
      const need = numExpected - sampled.length;
      if (extra.length > need) extra = randomChoice(extra, need, this.rng);
      sampled = concatIndices([sampled, extra]);
    }
    return sampled;
  }

  /** `numExpected` of `candidates`, floor(numExpected / num_bins) per IoU bin, shortfall filled at random. */
  sampleViaInterval(maxOverlaps: Float32Array, candidates: Int32Array, numExpected: number): Int32Array {
    let maxIou = -Infinity;
    for (let i = 0; i < maxOverlaps.length; i++) if (maxOverlaps[i] > maxIou) maxIou = maxOverlaps[i];
    const nb = this.numBins, t = this.floorThr;
    const width = (maxIou - t) / nb;
    const perBin = Math.floor(numExpected / nb);
    // Bin b is [t + b*width, t + (b+1)*width), with the edges computed exactly so; candidates
    // outside every bin (e.g. at max IoU itself) get bin nb.
    const bin = new Int32Array(candidates.length);
    const counts = new Int32Array(nb + 1);
    for (let k = 0; k < candidates.length; k++) {
      const v = maxOverlaps[candidates[k]];
      let b = width > 0 ? Math.floor((v - t) / width) : 0;
      b = Math.min(Math.max(b, 0), nb - 1);
      while (b > 0 && v < t + b * width) b--;
      while (b < nb - 1 && v >= t + (b + 1) * width) b++;
      if (!(v >= t + b * width && v < t + (b + 1) * width)) b = nb;
      bin[k] = b;
      counts[b]++;
    }
    // Group candidates by bin (stable), then sample each bin in place.
    const offsets = new Int32Array(nb + 2);
    for (let b = 0; b <= nb; b++) offsets[b + 1] = offsets[b] + counts[b];
    const grouped = new Int32Array(candidates.length);
    const fill = offsets.slice(0, nb + 1);
    for (let k = 0; k < candidates.length; k++) grouped[fill[bin[k]]++] = candidates[k];
    const taken = new Uint8Array(maxOverlaps.length);
    const out = new Int32Array(numExpected);
    let m = 0;
    for (let b = 0; b < nb; b++) {
      const seg = grouped.subarray(offsets[b], offsets[b + 1]);
      const k = Math.min(seg.length, perBin);
      if (seg.length > perBin) shufflePrefix(seg, k, this.rng);
      for (let i = 0; i < k; i++) { out[m++] = seg[i]; taken[seg[i]] = 1; }
    }
    if (m < numExpected) {
      let r = 0;
      const rest = new Int32Array(candidates.length - m);
      for (let k = 0; k < candidates.length; k++) if (!taken[candidates[k]]) rest[r++] = candidates[k];
      const need = Math.min(numExpected - m, r);
      const pool = rest.subarray(0, r);
      if (r > need) shufflePrefix(pool, need, this.rng);
      for (let i = 0; i < need; i++) out[m++] = pool[i];
    }
    return out.slice(0, m);
  }
}
