import { Rng } from './rng';
import { distanceTransform, squaredDistanceTransform } from './distance-transform';

function bruteForce(mask: Uint8Array, w: number, h: number, border: boolean): Float64Array {
  const out = new Float64Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    let best = Infinity;
    for (let yy = 0; yy < h; yy++) for (let xx = 0; xx < w; xx++) {
      if (!mask[yy * w + xx]) best = Math.min(best, (x - xx) ** 2 + (y - yy) ** 2);
    }
    if (border) best = Math.min(best, (x + 1) ** 2, (w - x) ** 2, (y + 1) ** 2, (h - y) ** 2);
    out[y * w + x] = best;
  }
  return out;
}

describe('distance transform', () => {
  it.each([false, true])('matches brute force on random masks (border as background: %s)', (border) => {
    const rng = new Rng(11);
    for (let trial = 0; trial < 5; trial++) {
      const w = 5 + rng.int(12); const h = 5 + rng.int(12);
      const mask = new Uint8Array(w * h);
      for (let i = 0; i < mask.length; i++) mask[i] = rng.random() < 0.8 ? 1 : 0;
      mask[rng.int(mask.length)] = 0;
      expect(Array.from(squaredDistanceTransform(mask, w, h, border))).toEqual(Array.from(bruteForce(mask, w, h, border)));
    }
  });

  it('gives the radius at the centre of a disc', () => {
    const w = 41; const mask = new Uint8Array(w * w);
    for (let y = 0; y < w; y++) for (let x = 0; x < w; x++) mask[y * w + x] = (x - 20) ** 2 + (y - 20) ** 2 <= 15 * 15 ? 1 : 0;
    expect(distanceTransform(mask, w, w)[20 * w + 20]).toBeCloseTo(Math.sqrt(226), 5); // nearest outside pixel is (15, 1)
  });

  it('rejects a mask of the wrong size', () => {
    expect(() => distanceTransform(new Uint8Array(5), 2, 2)).toThrow(/5 pixels, expected 2x2/);
  });
});
