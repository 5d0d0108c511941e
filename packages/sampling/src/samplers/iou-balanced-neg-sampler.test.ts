import { Rng } from '@seg/tensor';
import { IoUBalancedNegSampler } from './iou-balanced-neg-sampler';
import { histogram, makeAssign } from './test-helpers';

/** n negatives with max IoU spread evenly over [lo, hi), then optional positives. */
function scene(n: number, lo: number, hi: number, positives: number[] = []) {
  const mo: number[] = [];
  for (let i = 0; i < n; i++) mo.push(lo + ((hi - lo) * i) / n);
  const gt = mo.map(() => 0);
  for (const p of positives) { mo.push(p); gt.push(1); }
  return makeAssign(gt, mo, positives.length ? 1 : 0);
}

const sampler = (cfg: { floor_thr?: number; floor_fraction?: number; num_bins?: number }, seed = 0) =>
  new IoUBalancedNegSampler({ num: 512, pos_fraction: 0.25, ...cfg }, new Rng(seed));

function checkDistinctNegatives(inds: Int32Array, gtInds: Int32Array): void {
  expect(new Set(inds).size).toBe(inds.length);
  for (const i of inds) expect(gtInds[i]).toBe(0);
}

describe('IoUBalancedNegSampler: bin distribution against the definition', () => {
  it('takes num/num_bins from every bin when each has enough, and floor_fraction below floor_thr', () => {
    const a = scene(8000, 0, 0.5); // max IoU = 0.5 - 1/16000, all negatives
    const s = sampler({ floor_thr: 0.1, floor_fraction: 0.25, num_bins: 4 });
    const inds = s.sampleNeg(a, 384);
    expect(inds.length).toBe(384);
    checkDistinctNegatives(inds, a.gtInds);
    const maxIou = a.maxOverlaps.reduce((m, v) => Math.max(m, v), 0);
    const w = (maxIou - 0.1) / 4;
    // floor(384 * 0.75) = 288 binned, 72 per bin; the other 96 from [0, 0.1).
    expect(histogram(inds, a.maxOverlaps, [0, 0.1, 0.1 + w, 0.1 + 2 * w, 0.1 + 3 * w, 0.1 + 4 * w])).toEqual([96, 72, 72, 72, 72]);
  });

  it('fills a short bin\'s remainder at random from the other binned negatives', () => {
    // Bin 2 of 4 over [0.1, max) keeps only 10 candidates.
    const full = scene(8000, 0, 0.5);
    const maxIou = full.maxOverlaps.reduce((m, v) => Math.max(m, v), 0);
    const w = (maxIou - 0.1) / 4;
    const keep: number[] = [];
    let inBin2 = 0;
    full.maxOverlaps.forEach((v, i) => {
      const b2 = v >= 0.1 + 2 * w && v < 0.1 + 3 * w;
      if (!b2 || inBin2++ < 10) keep.push(i);
    });
    const a = makeAssign(keep.map(() => 0), keep.map((i) => full.maxOverlaps[i]), 0);
    const inds = sampler({ floor_thr: 0.1, floor_fraction: 0.25, num_bins: 4 }, 5).sampleNeg(a, 384);
    expect(inds.length).toBe(384);
    checkDistinctNegatives(inds, a.gtInds);
    const h = histogram(inds, a.maxOverlaps, [0, 0.1, 0.1 + w, 0.1 + 2 * w, 0.1 + 3 * w, 0.1 + 4 * w]);
    expect(h[0]).toBe(96); // floor share unchanged
    expect(h[3]).toBe(10); // the short bin gives all it has
    expect(h[1] + h[2] + h[4]).toBe(288 - 10); // the remainder comes from the other bins
    for (const b of [1, 2, 4]) expect(h[b]).toBeGreaterThanOrEqual(72);
  });

  it('Libra R-CNN config (floor_thr -1, 3 bins): bins span [-1, max IoU) so the first is empty', () => {
    // Positives up to IoU 1 set max IoU = 1: bins [-1,-1/3), [-1/3,1/3), [1/3,1).
    const a = scene(6000, 0, 0.5, [0.6, 0.8, 1.0]);
    const inds = sampler({ floor_thr: -1, floor_fraction: 0, num_bins: 3 }, 1).sampleNeg(a, 384);
    expect(inds.length).toBe(384);
    checkDistinctNegatives(inds, a.gtInds);
    const [low, high] = histogram(inds, a.maxOverlaps, [0, 1 / 3, 0.5]);
    expect(low + high).toBe(384);
    // 128 per non-empty bin, then the empty bin's 128 at random from what is left of both.
    expect(low).toBeGreaterThanOrEqual(128);
    expect(high).toBeGreaterThanOrEqual(128);
  });

  it('takes every binned negative when there are too few, and the floor set supplies the rest', () => {
    const mo: number[] = [];
    for (let i = 0; i < 1000; i++) mo.push(0.05 * (i / 1000)); // floor set: [0, 0.05)
    for (let i = 0; i < 50; i++) mo.push(0.2 + 0.2 * (i / 50)); // binned set: 50 in [0.2, 0.4)
    const a = makeAssign(mo.map(() => 0), mo, 0);
    const inds = sampler({ floor_thr: 0.1, floor_fraction: 0.5, num_bins: 3 }).sampleNeg(a, 384);
    expect(inds.length).toBe(384);
    expect(histogram(inds, a.maxOverlaps, [0, 0.1, 1])).toEqual([334, 50]);
  });

  it('floor_thr 0: the floor set is exactly the zero-IoU negatives', () => {
    const mo = [...new Array(600).fill(0), ...Array.from({ length: 600 }, (_, i) => 0.001 + (0.4 * i) / 600)];
    const a = makeAssign(mo.map(() => 0), mo, 0);
    const inds = sampler({ floor_thr: 0, floor_fraction: 0.5, num_bins: 2 }).sampleNeg(a, 200);
    expect(histogram(inds, a.maxOverlaps, [0, 1e-9, 1])).toEqual([100, 100]);
  });

  it('returns all negatives when there are no more than requested', () => {
    const a = scene(100, 0, 0.5, [0.9]);
    expect(Array.from(sampler({}).sampleNeg(a, 200))).toEqual(Array.from({ length: 100 }, (_, i) => i));
  });

  it('one bin is uniform sampling of the binned set', () => {
    const a = scene(1000, 0, 0.5);
    const inds = sampler({ floor_thr: -1, num_bins: 1 }).sampleNeg(a, 100);
    expect(inds.length).toBe(100);
    checkDistinctNegatives(inds, a.gtInds);
  });

  it('is deterministic for a seed and varies across seeds', () => {
    const a = scene(3000, 0, 0.5, [1]);
    const cfg = { floor_thr: -1, floor_fraction: 0, num_bins: 3 };
    expect(Array.from(sampler(cfg, 9).sampleNeg(a, 384))).toEqual(Array.from(sampler(cfg, 9).sampleNeg(a, 384)));
    expect(Array.from(sampler(cfg, 9).sampleNeg(a, 384))).not.toEqual(Array.from(sampler(cfg, 10).sampleNeg(a, 384)));
  });

  it('validates its options', () => {
    expect(() => sampler({ floor_thr: -0.5 })).toThrow(/floor_thr must be >= 0 or -1/);
    expect(() => sampler({ floor_fraction: 2 })).toThrow(/floor_fraction/);
    expect(() => sampler({ num_bins: 0 })).toThrow(/num_bins/);
  });
});
