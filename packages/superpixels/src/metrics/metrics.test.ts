import { achievableSegmentationAccuracy } from './achievable-segmentation-accuracy';
import { boundaryRecall } from './boundary-recall';
import { explainedVariation } from './explained-variation';
import { overlap } from './overlap';
import { scoreSuperpixels } from './score';
import { undersegmentationError } from './undersegmentation-error';

// 4x4 maps, row-major. Ground truth: columns 0-1 = segment 7, columns 2-3 = segment 9.
const GT = Uint8Array.from([7, 7, 9, 9, 7, 7, 9, 9, 7, 7, 9, 9, 7, 7, 9, 9]);
// Superpixels: S0 = columns 0-2 (12 px, leaks 4 px over the boundary), S1 = column 3.
const SP = Int32Array.from([0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1]);

describe('superpixel metrics on hand-computed cases', () => {
  it('superpixels equal to the ground truth: BR 1, UE 0, ASA 1', () => {
    const sp = Int32Array.from(GT, (v) => (v === 7 ? 0 : 1));
    expect(boundaryRecall(sp, GT, 4, 4, 0)).toBe(1);
    expect(undersegmentationError(sp, GT)).toBe(0);
    expect(achievableSegmentationAccuracy(sp, GT)).toBe(1);
  });

  it('one superpixel over two equal segments: BR 0, UE 1, ASA 0.5', () => {
    const sp = new Int32Array(16);
    expect(boundaryRecall(sp, GT, 4, 4, 2)).toBe(0);
    // Each segment (8 px) overlaps the superpixel with 8 inside and 8 outside: (8 + 8) / 16.
    expect(undersegmentationError(sp, GT)).toBe(1);
    expect(achievableSegmentationAccuracy(sp, GT)).toBe(0.5);
  });

  it('a leaking superpixel is charged only its smaller side (Neubert & Protzel)', () => {
    // G7: S0 has 8 inside, 4 outside -> 4. G9: S0 has 4 inside, 8 outside -> 4; S1 4 inside, 0 outside -> 0.
    expect(undersegmentationError(SP, GT)).toBe(8 / 16);
    // S0's best segment covers 8 px, S1's 4.
    expect(achievableSegmentationAccuracy(SP, GT)).toBe(12 / 16);
  });

  it('boundary recall counts ground-truth boundary pixels within the tolerance', () => {
    // GT boundary pixels: column 1; superpixel boundary pixels: column 2 (one pixel away).
    expect(boundaryRecall(SP, GT, 4, 4, 0)).toBe(0);
    expect(boundaryRecall(SP, GT, 4, 4, 1)).toBe(1);
    // Half the boundary matched: the superpixel boundary runs down column 1 on rows 0-1 only.
    const half = Int32Array.from([0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(boundaryRecall(half, GT, 4, 4, 0)).toBe(0.5);
    // No ground-truth boundary: nothing to recall.
    expect(boundaryRecall(SP, new Uint8Array(16), 4, 4)).toBe(1);
  });

  it('explained variation: the between-superpixel share of the variance', () => {
    const image = { data: Uint8Array.from([0, 2, 4, 6]), width: 4, height: 1, channels: 1 as const };
    // Means 1 and 5 around the global mean 3: between = 2*4 + 2*4 = 16, total = 9+1+1+9 = 20.
    expect(explainedVariation(Int32Array.from([0, 0, 1, 1]), image)).toBeCloseTo(0.8, 12);
    expect(explainedVariation(Int32Array.from([0, 1, 2, 3]), image)).toBeCloseTo(1, 12);
    expect(explainedVariation(Int32Array.from([0, 0, 0, 0]), image)).toBe(0);
    const flat = { data: new Uint8Array(12).fill(9), width: 4, height: 1, channels: 3 as const };
    expect(explainedVariation(Int32Array.from([0, 0, 1, 1]), flat)).toBe(1);
  });

  it('scoreSuperpixels averages over annotators', () => {
    const gt2 = new Uint8Array(16); // a second annotator with a single segment
    const image = { data: new Uint8Array(16).map((_, i) => (i % 4) * 50), width: 4, height: 4, channels: 1 as const };
    const s = scoreSuperpixels(SP, 4, 4, [GT, gt2], image, 1);
    expect(s.segments).toBe(2);
    expect(s.boundaryRecall).toBe((1 + 1) / 2);
    expect(s.undersegmentationError).toBe((0.5 + 0) / 2);
    expect(s.achievableSegmentationAccuracy).toBe((0.75 + 1) / 2);
    expect(() => scoreSuperpixels(SP, 4, 4, [], image)).toThrow(/at least one ground-truth/);
  });

  it('handles many labels on both sides (a sparse contingency table)', () => {
    // 80x80 with every pixel its own superpixel and 2600 segments.
    const n = 6400;
    const sp = Int32Array.from({ length: n }, (_, i) => i);
    const gt = Int32Array.from({ length: n }, (_, i) => 1000 + ((i * 7919) % 2600));
    const o = overlap(sp, gt);
    expect(o.n.length).toBe(n);
    expect(o.segments).toBe(2600);
    expect(undersegmentationError(sp, gt)).toBe(0);
    expect(achievableSegmentationAccuracy(sp, gt)).toBe(1);
    // Two-pixel superpixels over one-pixel segments: every
    // segment is charged min(1, 1) = 1, so UE = N / N; each superpixel's best segment has 1 of 2.
    const pairs = Int32Array.from({ length: n }, (_, i) => i >> 1);
    const split = Int32Array.from({ length: n }, (_, i) => i);
    expect(undersegmentationError(pairs, split)).toBe(1);
    expect(achievableSegmentationAccuracy(pairs, split)).toBe(0.5);
  });

  it('rejects mismatched sizes and non-contiguous superpixel labels', () => {
    expect(() => undersegmentationError(SP, new Uint8Array(15))).toThrow(/16 pixels but the ground truth has 15/);
    expect(() => achievableSegmentationAccuracy(Int32Array.from([0, 2]), Uint8Array.from([0, 0]))).toThrow(/not contiguous, 1 is unused/);
    expect(() => boundaryRecall(SP, GT, 5, 4)).toThrow(/expected 5x4/);
  });
});
