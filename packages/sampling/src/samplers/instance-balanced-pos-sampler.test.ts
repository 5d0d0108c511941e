import { Rng } from '@seg/tensor';
import { InstanceBalancedPosSampler, roundHalfEven } from './instance-balanced-pos-sampler';
import { makeAssign } from './test-helpers';

function positivesPerGt(counts: number[]) {
  const gt: number[] = [];
  counts.forEach((c, g) => { for (let i = 0; i < c; i++) gt.push(g + 1); });
  for (let i = 0; i < 50; i++) gt.push(0);
  return makeAssign(gt, gt.map((g) => (g > 0 ? 0.7 : 0.1)), counts.length);
}

function perGt(inds: Int32Array, gtInds: Int32Array, k: number): number[] {
  const c = new Array(k).fill(0);
  for (const i of inds) c[gtInds[i] - 1]++;
  return c;
}

describe('InstanceBalancedPosSampler', () => {
  it('gives small instances all their positives and tops up from the large one', () => {
    const a = positivesPerGt([300, 20, 5]);
    const s = new InstanceBalancedPosSampler({ num: 512, pos_fraction: 0.25 }, new Rng(0));
    const inds = s.samplePos(a, 128);
    expect(inds.length).toBe(128);
    expect(new Set(inds).size).toBe(128);
    // quota round(128/3)+1 = 44 each: gt0 44 + 20 + 5 = 69, then 59 extra from gt0's unused.
    expect(perGt(inds, a.gtInds, 3)).toEqual([103, 20, 5]);
  });

  it('trims at random when the quotas exceed the request', () => {
    const a = positivesPerGt([100, 100, 100]);
    const inds = new InstanceBalancedPosSampler({ num: 40, pos_fraction: 0.25 }, new Rng(1)).samplePos(a, 10);
    expect(inds.length).toBe(10);
    // quota round(10/3)+1 = 4 each (12), then 10 of those 12.
    for (const c of perGt(inds, a.gtInds, 3)) { expect(c).toBeLessThanOrEqual(4); expect(c).toBeGreaterThanOrEqual(2); }
  });

  it('returns all positives when there are few', () => {
    const a = positivesPerGt([3, 2]);
    expect(Array.from(new InstanceBalancedPosSampler({ num: 40, pos_fraction: 0.5 }, new Rng(0)).samplePos(a, 20))).toEqual([0, 1, 2, 3, 4]);
  });

  it('rounds quotas like Python', () => {
    expect([0.5, 1.5, 2.5, 3.5, 2.4, 2.6].map(roundHalfEven)).toEqual([0, 2, 2, 4, 2, 3]);
  });
});
