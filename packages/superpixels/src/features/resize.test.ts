import { componentsPerLabel } from '../testing/synthetic';
import { downsampleFeatures, downsampleImage, resizeLabelsNearest } from './resize';

describe('resizing for the coarse SLIC variant', () => {
  it('downsampleFeatures averages boxes, per channel', () => {
    // 4x2, two channels; 2x halving gives the mean of each 2x2 box.
    const data = Float32Array.from([1, 2, 3, 4, 5, 6, 7, 8, 10, 20, 30, 40, 50, 60, 70, 80]);
    const out = downsampleFeatures({ data, channels: 2, width: 4, height: 2 }, 2, 1);
    expect(Array.from(out.data)).toEqual([3.5, 5.5, 35, 55]);
    expect(() => downsampleFeatures({ data, channels: 2, width: 4, height: 2 }, 5, 1)).toThrow(/no larger than the source 4x2/);
  });

  it('downsampleImage averages and rounds bytes', () => {
    const grey = downsampleImage({ data: Uint8Array.from([0, 1, 2, 4]), width: 2, height: 2, channels: 1 }, 1, 1);
    expect(Array.from(grey.data)).toEqual([2]); // 7 / 4 = 1.75
    // 3 -> 2 columns of RGB: boxes are columns {0} and {1, 2}.
    const rgb = downsampleImage({ data: Uint8Array.from([10, 20, 30, 0, 0, 0, 100, 50, 9]), width: 3, height: 1, channels: 3 }, 2, 1);
    expect(Array.from(rgb.data)).toEqual([10, 20, 30, 50, 25, 5]);
  });

  it('nearest up-sampling by a non-integer factor keeps every label one 4-connected region', () => {
    const labels = Int32Array.from([0, 0, 1, 2, 2, 1, 2, 3, 3]); // 3x3, label 2 is an L shape
    const up = resizeLabelsNearest({ labels, width: 3, height: 3, count: 4 }, 8, 7);
    expect(up.labels.length).toBe(56);
    const comps = componentsPerLabel(up.labels, 8, 7);
    expect(comps).toEqual([1, 1, 1, 1]);
    expect(up.labels[0]).toBe(0);
    expect(up.labels[55]).toBe(3);
  });
});
