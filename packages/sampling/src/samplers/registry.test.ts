import { Rng } from '@seg/tensor';
import { MaxIoUAssigner } from '../assigners/max-iou-assigner';
import { buildSampler, samplerTypes } from './registry';
import { makeAssign } from './test-helpers';

function randomProposals(rng: Rng, n: number): Float32Array {
  const b = new Float32Array(n * 4);
  for (let i = 0; i < n; i++) {
    const x = rng.uniform(0, 300), y = rng.uniform(0, 300);
    b.set([x, y, x + rng.uniform(20, 120), y + rng.uniform(20, 120)], i * 4);
  }
  return b;
}

describe('sampler registry and the sampling step', () => {
  it('lists its types and names unknown ones', () => {
    expect(samplerTypes()).toEqual(['RandomSampler', 'InstanceBalancedPosSampler', 'IoUBalancedNegSampler', 'CombinedSampler']);
    expect(() => buildSampler({ type: 'OHEMSampler', num: 1, pos_fraction: 0.5 } as never)).toThrow(/unknown sampler type 'OHEMSampler'; known types: RandomSampler, InstanceBalancedPosSampler, IoUBalancedNegSampler, CombinedSampler/);
    expect(() => buildSampler({ type: 'RandomSampler', num: 1, pos_fraction: 0.5, floor_thr: 0 } as never)).toThrow(/RandomSampler: unknown option 'floor_thr'/);
    expect(() => buildSampler({ type: 'CombinedSampler', num: 1, pos_fraction: 0.5 } as never)).toThrow(/pos_sampler must be a sampler config/);
    expect(() => buildSampler({ type: 'RandomSampler', num: 1, pos_fraction: 1.5 })).toThrow(/pos_fraction must be in \[0, 1\]/);
  });

  it('Libra R-CNN sampler: instance-balanced positives + IoU-balanced negatives with ground truths added', () => {
    const rng = new Rng(4);
    const gts = new Float32Array([20, 20, 120, 140, 200, 180, 260, 260]);
    const proposals = randomProposals(rng, 2000);
    const assign = new MaxIoUAssigner({ pos_iou_thr: 0.5, neg_iou_thr: 0.5, min_pos_iou: 0.5, match_low_quality: false }).assign({ boxes: proposals, gtBoxes: gts });
    const sampler = buildSampler({
      type: 'CombinedSampler', num: 512, pos_fraction: 0.25, add_gt_as_proposals: true,
      pos_sampler: { type: 'InstanceBalancedPosSampler' },
      neg_sampler: { type: 'IoUBalancedNegSampler', floor_thr: -1, floor_fraction: 0, num_bins: 3 },
    }, { seed: 11 });
    const r = sampler.sample(assign, proposals, gts);
    expect(r.boxes.length).toBe((2000 + 2) * 4);
    expect(Array.from(r.gtFlags.subarray(0, 3))).toEqual([1, 1, 0]);
    expect(r.posInds.length).toBeGreaterThan(2);
    expect(r.posInds.length).toBeLessThanOrEqual(128);
    expect(r.posInds.length + r.negInds.length).toBe(512);
    for (const i of r.posInds) expect(r.assign.gtInds[i]).toBeGreaterThan(0);
    for (const i of r.negInds) expect(r.assign.gtInds[i]).toBe(0);
    expect(Array.from(r.posIsGt.subarray(0, 2))).toEqual([1, 1]); // the gts themselves are positives 0 and 1
    expect(Array.from(r.posAssignedGtInds.subarray(0, 2))).toEqual([0, 1]);
    // deterministic for the seed
    const again = buildSampler({
      type: 'CombinedSampler', num: 512, pos_fraction: 0.25,
      pos_sampler: { type: 'InstanceBalancedPosSampler' },
      neg_sampler: { type: 'IoUBalancedNegSampler', floor_thr: -1, floor_fraction: 0, num_bins: 3 },
    }, { seed: 11 }).sample(assign, proposals, gts);
    expect(Array.from(again.negInds)).toEqual(Array.from(r.negInds));
  });

  it('caps negatives at neg_pos_ub times the positives', () => {
    const gt = [...new Array(5).fill(1), ...new Array(500).fill(0)];
    const a = makeAssign(gt, gt.map((g) => (g ? 0.8 : 0.2)), 1);
    const boxes = new Float32Array(505 * 4);
    const r = buildSampler({ type: 'RandomSampler', num: 256, pos_fraction: 0.5, neg_pos_ub: 3, add_gt_as_proposals: false }).sample(a, boxes, new Float32Array(4));
    expect(r.posInds.length).toBe(5);
    expect(r.negInds.length).toBe(15);
  });

  it('checks that the assignment matches the boxes', () => {
    const a = makeAssign([0, 0], [0.1, 0.2], 0);
    expect(() => buildSampler({ type: 'RandomSampler', num: 4, pos_fraction: 0.5 }).sample(a, new Float32Array(12), new Float32Array(0))).toThrow(/covers 2 boxes but 3/);
  });
});
