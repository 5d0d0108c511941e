import { ignoreLabelBoundaries } from './pixel-labels';
import { blendRanks, quantiles } from './rank-blend';

describe('rank blending', () => {
  it('turns values into their quantiles (ties share the mean rank) and averages rankings', () => {
    expect(Array.from(quantiles(Float32Array.from([10, 30, 20, 20])))).toEqual([0.125, 0.875, 0.5, 0.5]);
    // Opposite rankings cancel; a ranking blended with itself is unchanged.
    const a = Float32Array.from([1, 2, 3, 4]);
    const b = Float32Array.from([400, 300, 200, 100]);
    expect(Array.from(blendRanks([a, b]))).toEqual([0.5, 0.5, 0.5, 0.5]);
    expect(Array.from(blendRanks([a, a]))).toEqual(Array.from(quantiles(a)));
    expect(Array.from(blendRanks([a, b], [3, 1]))).toEqual([0.3125, 0.4375, 0.5625, 0.6875]);
    expect(() => blendRanks([a, Float32Array.from([1])])).toThrow(/scores of 1 and 4 values/);
  });
});

describe('ignoring label outlines', () => {
  it('unlabels both sides of a foreground/background boundary, grown by the radius', () => {
    // 1 x 7 strip: bg bg bg fg fg fg fg, and an unlabelled pixel that never counts as a boundary.
    const l = Int8Array.from([0, 0, 0, 1, 1, 1, 1]);
    expect(Array.from(ignoreLabelBoundaries(l, 7, 1, 0))).toEqual([0, 0, 0, 1, 1, 1, 1]);
    expect(Array.from(ignoreLabelBoundaries(l, 7, 1, 1))).toEqual([0, 0, -1, -1, 1, 1, 1]);
    expect(Array.from(ignoreLabelBoundaries(l, 7, 1, 2))).toEqual([0, -1, -1, -1, -1, 1, 1]);
    expect(Array.from(ignoreLabelBoundaries(Int8Array.from([0, -1, 1]), 3, 1, 1))).toEqual([0, -1, 1]);
    expect(() => ignoreLabelBoundaries(l, 3, 1, 1)).toThrow(/expected 3x1 labels, got 7/);
  });
});
