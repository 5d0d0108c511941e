import { srgbToLab, srgbToLabInterleaved } from './srgb-to-lab';

// Reference values: scikit-image 0.19 rgb2lab (D65, 2°) of the same bytes; its slightly different
// matrix leaves a and b of greys at ~0.005 instead of 0.
const CASES: [number[], number[]][] = [
  [[255, 255, 255], [100, 0, 0]],
  [[0, 0, 0], [0, 0, 0]],
  [[255, 0, 0], [53.2408, 80.0925, 67.2032]],
  [[0, 255, 0], [87.7347, -86.1827, 83.1793]],
  [[0, 0, 255], [32.2970, 79.1875, -107.8602]],
  [[128, 128, 128], [53.5850, 0, 0]],
  [[10, 20, 30], [5.9485, -0.6693, -8.1364]],
  [[180, 90, 20], [48.3468, 32.4360, 52.1509]],
];

describe('srgbToLab', () => {
  it('matches the CIE Lab values of reference colours', () => {
    const data = new Uint8Array(CASES.flatMap(([rgb]) => rgb));
    const lab = srgbToLab({ data, width: CASES.length, height: 1, channels: 3 });
    const n = CASES.length;
    CASES.forEach(([, ref], i) => {
      const tol = 0.01;
      expect(Math.abs(lab.data[i] - ref[0])).toBeLessThan(tol);
      expect(Math.abs(lab.data[n + i] - ref[1])).toBeLessThan(tol);
      expect(Math.abs(lab.data[2 * n + i] - ref[2])).toBeLessThan(tol);
    });
  });

  it('treats grey as R = G = B, ignores alpha, and interleaves consistently', () => {
    const grey = srgbToLab({ data: new Uint8Array([77, 200]), width: 2, height: 1, channels: 1 });
    const rgba = srgbToLab({ data: new Uint8Array([77, 77, 77, 0, 200, 200, 200, 255]), width: 2, height: 1, channels: 4 });
    expect(Array.from(grey.data)).toEqual(Array.from(rgba.data));
    const inter = srgbToLabInterleaved({ data: new Uint8Array([77, 200]), width: 2, height: 1, channels: 1 });
    expect(Array.from(inter)).toEqual([grey.data[0], grey.data[2], grey.data[4], grey.data[1], grey.data[3], grey.data[5]]);
  });

  it('rejects a buffer of the wrong size', () => {
    expect(() => srgbToLab({ data: new Uint8Array(5), width: 2, height: 1, channels: 3 })).toThrow(/expected 2x1x3 = 6/);
  });
});
