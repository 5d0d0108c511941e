import { Rng, Tensor } from '@seg/tensor';
import { voronoiLabelMap } from '../synthetic/voronoi';
import { appendGeometry, meanFeatures } from './features';
import { labelMap } from './label-map';
import { regionStats } from './stats';

describe('region statistics and mean features', () => {
  const map = voronoiLabelMap(21, 34, 12, 5);
  const rng = new Rng(2);
  const C = 3;
  const f = new Tensor('float32', [C, 21, 34]);
  rng.fillNormal(f.data);

  it('computes area, centroid and bounding box as a pixel-by-pixel reference does', () => {
    const s = regionStats(map);
    for (let k = 0; k < map.count; k++) {
      const ys: number[] = []; const xs: number[] = [];
      map.labels.forEach((l, p) => { if (l === k) { ys.push(Math.floor(p / 34)); xs.push(p % 34); } });
      expect(s.area[k]).toBe(ys.length);
      expect(s.centroid[2 * k]).toBeCloseTo(ys.reduce((a, b) => a + b, 0) / ys.length, 4);
      expect(s.centroid[2 * k + 1]).toBeCloseTo(xs.reduce((a, b) => a + b, 0) / xs.length, 4);
      expect([...s.bbox.subarray(4 * k, 4 * k + 4)]).toEqual([Math.min(...ys), Math.min(...xs), Math.max(...ys) + 1, Math.max(...xs) + 1]);
    }
    expect(s.area.reduce((a, b) => a + b, 0)).toBe(21 * 34);
  });

  it('averages member pixels per channel, [N, C] row-major', () => {
    const m = meanFeatures(map, f);
    for (let k = 0; k < map.count; k++) for (let c = 0; c < C; c++) {
      let s = 0; let n = 0;
      map.labels.forEach((l, p) => { if (l === k) { s += f.data[c * 21 * 34 + p]; n++; } });
      expect(m[k * C + c]).toBeCloseTo(s / n, 5);
    }
    // [1, C, H, W] is accepted as the same map.
    expect(meanFeatures(map, f.reshape([1, C, 21, 34]))).toEqual(m);
  });

  it('gives empty labels zero features and geometry, and appends normalised geometry columns', () => {
    const small = labelMap(Int32Array.from([0, 0, 2, 2, 0, 2]), 2, 3, 3);
    const feats = Tensor.fromArray('float32', [1, 2, 3], [1, 2, 3, 4, 5, 6]);
    const m = meanFeatures(small, feats);
    expect([...m]).toEqual([(1 + 2 + 5) / 3, 0, (3 + 4 + 6) / 3].map(Math.fround));
    const s = regionStats(small);
    expect([...s.bbox.subarray(4, 8)]).toEqual([0, 0, 0, 0]);
    const g = appendGeometry(m, 1, s, small, { area: true, centroid: true });
    expect(g.length).toBe(3 * 4);
    expect(g[0]).toBeCloseTo(m[0], 6);
    expect(g[1]).toBeCloseTo(3 / 6, 6); // area fraction
    expect(g[2]).toBeCloseTo((0 + 0 + 1) / 3 / 2, 6); // mean row / H
    expect(g[3]).toBeCloseTo((0 + 1 + 1) / 3 / 3, 6); // mean col / W
  });

  it('names the expected shape when the feature map does not fit the label map', () => {
    expect(() => meanFeatures(map, new Tensor('float32', [3, 20, 34]))).toThrow(/expected shape \[C, 21, 34\].*got \[3, 20, 34\]/);
  });
});
