import type { FeatureGrid } from '../features/feature-grid';
import { standardizeChannels, toRows } from '../features/feature-grid';
import { clickSamples, projectToGrid, sampleBilinear } from './sample';

function rampGrid(): FeatureGrid {
  // 2 channels on a 4x3 grid: channel 0 = x, channel 1 = y, for a 40x30 image (stride 10)
  const w = 4, h = 3, chw = new Float32Array(2 * w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) { chw[y * w + x] = x; chw[w * h + y * w + x] = y; }
  return { width: w, height: h, channels: 2, data: toRows(chw, 2, h, w), imageWidth: 40, imageHeight: 30 };
}

describe('click projection and sampling', () => {
  it('projects image coordinates with x·w_feat/w_img on cell centres', () => {
    const g = rampGrid();
    expect(projectToGrid(g, 4.5, 4.5)).toEqual([0, 0]);
    expect(projectToGrid(g, 24.5, 14.5)).toEqual([2, 1]);
  });

  it('samples a linear feature map exactly (bilinear interpolation reproduces ramps)', () => {
    const g = rampGrid();
    const out = new Float32Array(2);
    sampleBilinear(g, 1.25, 0.5, out);
    expect(Array.from(out)).toEqual([1.25, 0.5]);
    sampleBilinear(g, -3, 7, out); // clamped
    expect(Array.from(out)).toEqual([0, 2]);
  });

  it('builds rows for clicks, discs and border stand-ins', () => {
    const g = rampGrid();
    const set = clickSamples(g, [{ x: 24.5, y: 14.5, label: 1 }], { discRadius: 0, borderWeight: 1, balanceClasses: false });
    expect(set.count).toBe(1 + 10); // one click + 10 border cells of a 4x3 grid
    expect(Array.from(set.features.subarray(0, 2))).toEqual([2, 1]);
    expect(set.labels[0]).toBe(1);
    expect(set.labels.slice(1).every((l) => l === 0)).toBe(true);
    expect(set.weights.slice(1).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
  });

  it('balances the total weight of each class by default', () => {
    const set = clickSamples(rampGrid(), [{ x: 4.5, y: 4.5, label: 1 }, { x: 24.5, y: 14.5, label: 1 }], { discRadius: 0, borderWeight: 3 });
    let pos = 0, neg = 0;
    set.labels.forEach((l, i) => { if (l === 1) pos += set.weights[i]; else neg += set.weights[i]; });
    expect(pos).toBeCloseTo(1, 5);
    expect(neg).toBeCloseTo(1, 5);
  });

  it('standardises channels to zero mean and unit variance', () => {
    const g = standardizeChannels(rampGrid());
    let m = 0, v = 0;
    for (let i = 0; i < 12; i++) m += g.data[i * 2];
    for (let i = 0; i < 12; i++) v += (g.data[i * 2] - m / 12) ** 2;
    expect(m / 12).toBeCloseTo(0, 5);
    expect(v / 12).toBeCloseTo(1, 3);
  });
});
