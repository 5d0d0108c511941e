import { deconvolutionMatrix, HED_STAINS, haematoxylin, invert3x3, opticalDensity, stainConcentrations } from './stain-deconvolution';

describe('colour deconvolution (Ruifrok & Johnston)', () => {
  it('matches hand-computed concentrations (numpy: OD = -log10(max(I, 1) / 255), C = OD · inv(unit-row M))', () => {
    // Reference values computed once with numpy from the formula in the docstring.
    const cases: [number[], number[]][] = [
      [[120, 60, 180], [0.48148878, 0.31005768, -0.02926718]],
      [[230, 200, 220], [0.03854435, 0.0437027, 0.06186565]],
      [[0, 255, 10], [3.66658489, -3.09624177, 0.8777081]],
    ];
    const rgb = Uint8Array.from(cases.flatMap(([px]) => px));
    const c = stainConcentrations(rgb, 3, 1, 3);
    cases.forEach(([, want], p) => want.forEach((v, s) => expect(c[s * 3 + p]).toBeCloseTo(v, 5)));
    expect(Array.from(haematoxylin(rgb, 3, 1, 3))).toEqual(Array.from(c.subarray(0, 3)));
  });

  it('recovers the optical densities: C · M = OD for every pixel', () => {
    const rgb = Uint8Array.from({ length: 4 * 50 }, (_, i) => (i * 37 + 11) % 256);
    const c = stainConcentrations(rgb, 50, 1, 4); // RGBA: alpha ignored
    const m = HED_STAINS.map((row) => { const n = Math.hypot(...row); return row.map((v) => v / n); });
    for (let p = 0; p < 50; p++) {
      for (let ch = 0; ch < 3; ch++) {
        const od = c[p] * m[0][ch] + c[50 + p] * m[1][ch] + c[100 + p] * m[2][ch];
        expect(od).toBeCloseTo(opticalDensity(rgb[4 * p + ch]), 5);
      }
    }
  });

  it('inverts 3x3 matrices and rejects singular stain sets and bad images', () => {
    const a = [[2, 1, 0], [0, 1, 3], [1, 0, 1]];
    const inv = invert3x3(a);
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) {
      const v = a[i][0] * inv[0][j] + a[i][1] * inv[1][j] + a[i][2] * inv[2][j];
      expect(v).toBeCloseTo(i === j ? 1 : 0, 10);
    }
    expect(() => deconvolutionMatrix([[1, 0, 0], [2, 0, 0], [0, 0, 1]])).toThrow(/singular/);
    expect(() => deconvolutionMatrix([[0, 0, 0], [0, 1, 0], [0, 0, 1]])).toThrow(/row 0 must be a non-zero finite vector/);
    expect(() => stainConcentrations(new Uint8Array(5), 1, 1, 3)).toThrow(/expected 1x1x3 = 3 bytes, got 5/);
    expect(() => stainConcentrations(new Uint8Array(1), 1, 1, 1)).toThrow(/RGB or RGBA/);
  });
});
