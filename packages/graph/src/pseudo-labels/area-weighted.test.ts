import { Rng } from '@seg/tensor';
import { labelMap } from '../region/label-map';
import { areaWeightedLabels } from './area-weighted';
import { rankByScore } from './rank';
import { pixelLabels, pixelScores } from './to-pixels';

describe('area-weighted pseudo-labels', () => {
  const scores = [5, 4, 3, 2, 1, 0];
  const area = [10, 30, 5, 20, 15, 20]; // total 100

  it('takes vertices by score until their area reaches r of the image', () => {
    const a = areaWeightedLabels(scores, area, 0.4);
    expect([...a.labels]).toEqual([1, 1, 0, 0, 0, 0]);
    expect([a.foregroundArea, a.backgroundArea]).toEqual([40, 60]);
    const b = areaWeightedLabels(scores, area, 0.42);
    expect([...b.labels]).toEqual([1, 1, 1, 0, 0, 0]); // 40 < 42, so one more (45)
    expect(b.foregroundArea).toBe(45);
  });

  it("with 'nearest', stops at the prefix whose area is closest to the target", () => {
    expect(areaWeightedLabels(scores, area, 0.42, { stop: 'nearest' }).foregroundArea).toBe(40); // |40-42| < |45-42|
    expect(areaWeightedLabels(scores, area, 0.44, { stop: 'nearest' }).foregroundArea).toBe(45);
  });

  it('leaves the band between (r - e) and (1 - r - e) unlabelled', () => {
    const a = areaWeightedLabels(scores, area, 0.4, { error: 0.1 });
    // fg toward 30: 10, then 40 (reached); bg toward 50 from the bottom: 20, 35, 55 (reached).
    expect([...a.labels]).toEqual([1, 1, -1, 0, 0, 0]);
    expect([a.foreground, a.background, a.foregroundArea, a.backgroundArea]).toEqual([2, 3, 40, 55]);
  });

  it('meets the area totals on random graphs, never overlapping', () => {
    const rng = new Rng(9);
    for (let trial = 0; trial < 50; trial++) {
      const n = 1 + rng.int(60);
      const s = Float32Array.from({ length: n }, () => rng.int(5)); // many ties
      const ar = Int32Array.from({ length: n }, () => rng.int(40)); // some zero areas
      const total = ar.reduce((x, y) => x + y, 0) || 1;
      const r = rng.random(); const e = rng.random() < 0.3 ? 0 : rng.random() * 0.2;
      const out = areaWeightedLabels(s, ar, r, { error: e, totalArea: total });
      const order = rankByScore(s);
      // Foreground is a prefix of the ranking, background a suffix.
      const pattern = Array.from(order, (v) => (out.labels[v] === 1 ? 'f' : out.labels[v] === 0 ? 'b' : 'u')).join('');
      expect(pattern).toMatch(/^f*u*b*$/);
      let fg = 0; let last = 0;
      for (let i = 0; i < out.foreground; i++) { expect(out.labels[order[i]]).toBe(1); fg += ar[order[i]]; last = ar[order[i]]; }
      expect(fg).toBe(out.foregroundArea);
      const fgTarget = (r - e) * total;
      if (out.foreground < n) expect(fg).toBeGreaterThanOrEqual(fgTarget); // reached (unless everything was taken)
      if (out.foreground > 0) expect(fg - last).toBeLessThan(fgTarget); // ...and not one vertex more
      let bg = 0;
      for (let i = 0; i < out.background; i++) { expect(out.labels[order[n - 1 - i]]).toBe(0); bg += ar[order[n - 1 - i]]; }
      expect(bg).toBe(out.backgroundArea);
      if (e === 0) expect(out.foreground + out.background).toBe(n);
      else if (out.foreground + out.background < n) expect(bg).toBeGreaterThanOrEqual((1 - r - e) * total);
    }
  });

  it('rejects mismatched areas and unknown stop rules', () => {
    expect(() => areaWeightedLabels([1, 2], [1], 0.5)).toThrow(/1 areas for 2 scores/);
    expect(() => areaWeightedLabels([1, 2], [1, -1], 0.5)).toThrow(/area of vertex 1 is -1/);
    expect(() => areaWeightedLabels([1, 2], [1, 1], 0.5, { stop: 'closest' as never })).toThrow(/stop must be 'reach' or 'nearest'/);
  });
});

describe('vertex values to pixels', () => {
  it('paints labels and scores through the label map', () => {
    const map = labelMap(Int32Array.from([0, 0, 1, 2, 2, 1]), 2, 3);
    expect([...pixelLabels(map, Int8Array.from([1, -1, 0]))]).toEqual([1, 1, -1, 0, 0, -1]);
    const p = pixelScores(map, Float32Array.from([0.25, 0.5, 0.75]));
    expect(p).toBeInstanceOf(Float32Array);
    expect([...p]).toEqual([0.25, 0.25, 0.5, 0.75, 0.75, 0.5]);
    expect(() => pixelScores(map, new Float32Array(2))).toThrow(/2 vertex values for a label map of 3 vertices/);
  });
});
