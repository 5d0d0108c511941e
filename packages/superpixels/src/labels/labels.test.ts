import { Rng } from '@seg/tensor';
import { boundaryMask, dilateSquare } from './boundaries';
import { checkContiguous, compactLabels } from './compact';

describe('label utilities', () => {
  it('compactLabels renumbers by first appearance, whatever the values', () => {
    expect(Array.from(compactLabels([5, 5, -3, 70000, 5, -3]).labels)).toEqual([0, 0, 1, 2, 0, 1]);
    expect(compactLabels([2 ** 30, -(2 ** 30), 2 ** 30]).count).toBe(2);
    expect(() => compactLabels([1, 0.5])).toThrow(/pixel 1 is 0.5/);
  });

  it('checkContiguous counts labels and names a gap', () => {
    expect(checkContiguous([1, 0, 2, 2])).toBe(3);
    expect(() => checkContiguous([0, 3, 1])).toThrow(/2 is unused but 3 is used/);
    expect(() => checkContiguous([0, -1])).toThrow(/label -1/);
  });

  it('boundaryMask marks pixels whose right or lower neighbour differs', () => {
    const labels = [0, 0, 1, 0, 0, 1, 2, 2, 2];
    expect(Array.from(boundaryMask(labels, 3, 3))).toEqual([0, 1, 0, 1, 1, 1, 0, 0, 0]);
  });

  it('dilateSquare equals a brute-force Chebyshev dilation', () => {
    const rng = new Rng(3);
    for (const [w, h, r] of [[17, 9, 2], [5, 12, 3], [8, 8, 0], [3, 3, 5]]) {
      const mask = Uint8Array.from({ length: w * h }, () => (rng.random() < 0.08 ? 1 : 0));
      const got = dilateSquare(mask, w, h, r);
      for (let y = 0; y < h; y++) {
        for (let x = 0; x < w; x++) {
          let want = 0;
          for (let yy = Math.max(0, y - r); yy <= Math.min(h - 1, y + r); yy++) {
            for (let xx = Math.max(0, x - r); xx <= Math.min(w - 1, x + r); xx++) want |= mask[yy * w + xx];
          }
          expect(got[y * w + x]).toBe(want);
        }
      }
    }
  });
});
