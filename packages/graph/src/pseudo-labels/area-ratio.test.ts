import { Rng } from '@seg/tensor';
import { areaRatioLabels } from './area-ratio';
import { rankByScore, roundCount } from './rank';

const count = (labels: Int8Array, v: number): number => labels.reduce((a, l) => a + (l === v ? 1 : 0), 0);

describe('area-ratio pseudo-labels (vertex counts)', () => {
  // [N, r, e, foreground, background]: n_fg = round((r - e) N), n_bg = round((1 - r - e) N), clamped.
  const table: [number, number, number, number, number][] = [
    [10, 0.3, 0, 3, 7],
    [10, 0.25, 0, 3, 7], // 2.5 rounds up; with e = 0 the rest is background
    [10, 0.35, 0, 4, 6], // 0.35 x 10 is 3.4999999999999996 in floating point, yet rounds as 3.5
    [7, 0.5, 0.1, 3, 3],
    [100, 0.2, 0.05, 15, 75],
    [3, 0.1, 0.2, 0, 2], // r - e < 0 clamps to no foreground
    [5, 1, 0, 5, 0],
    [5, 0, 0, 0, 5],
    [8, 0.5, 0.5, 0, 0],
    [4, 0.9, 0.05, 3, 0],
    [1000, 0.123, 0.02, 103, 857],
    [0, 0.5, 0.1, 0, 0],
  ];

  it.each(table)('N=%i r=%f e=%f gives %i foreground and %i background', (n, r, e, fg, bg) => {
    const rng = new Rng(n);
    const scores = Float32Array.from({ length: n }, () => rng.random());
    const out = areaRatioLabels(scores, r, { error: e });
    expect([out.foreground, out.background]).toEqual([fg, bg]);
    expect([count(out.labels, 1), count(out.labels, 0), count(out.labels, -1)]).toEqual([fg, bg, n - fg - bg]);
    // Foreground are the highest scores, background the lowest.
    const order = rankByScore(scores);
    order.forEach((v, i) => expect(out.labels[v]).toBe(i < fg ? 1 : i >= n - bg ? 0 : -1));
  });

  it('breaks ties by vertex index, deterministically', () => {
    const scores = [1, 2, 2, 2, 0];
    expect([...rankByScore(scores)]).toEqual([1, 2, 3, 0, 4]);
    expect([...areaRatioLabels(scores, 0.4).labels]).toEqual([0, 1, 1, 0, 0]);
    expect([...areaRatioLabels(scores, 0.4, { error: 0.2 }).labels]).toEqual([0, 1, -1, -1, 0]);
  });

  it('rounds half up with a tolerance for decimal ratios', () => {
    expect([roundCount(2.5), roundCount(2.4999), roundCount(0.35 * 10), roundCount(-0.5), roundCount(-0.6)]).toEqual([3, 2, 4, 0, -1]);
  });

  it('rejects ratios outside [0, 1], negative errors and NaN scores', () => {
    expect(() => areaRatioLabels([1, 2], 1.2)).toThrow(/area ratio must be in \[0, 1\], got 1.2/);
    expect(() => areaRatioLabels([1, 2], 0.5, { error: -0.1 })).toThrow(/estimated error must be a finite number >= 0, got -0.1/);
    expect(() => areaRatioLabels([1, NaN], 0.5)).toThrow(/score of vertex 1 is NaN/);
  });
});
