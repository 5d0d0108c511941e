import { Rng } from '@seg/tensor';
import { outerBoundaryPolygon } from '../contour/boundary-polygon';
import { ellipseMask, maskFromRows } from '../testdata/fixtures';
import { bestCentre } from './best-centre';
import { distancePeak, squaredDistanceTransform } from './distance-transform';
import { massCentre } from './mass-centre';
import { ReconstructionScorer } from './reconstruction-scorer';

describe('centres', () => {
  it('mass centre is the mean pixel position', () => {
    expect(massCentre(maskFromRows(['0110', '0110', '0000']))).toEqual([1.5, 0.5]);
    expect(massCentre(maskFromRows(['000']))).toBeNull();
  });

  it('the distance transform is exact (brute force) with the border as background', () => {
    const rng = new Rng(4);
    const w = 15, h = 11;
    const data = new Uint8Array(w * h);
    for (let i = 0; i < data.length; i++) data[i] = rng.random() < 0.8 ? 1 : 0;
    const dt = squaredDistanceTransform({ data, width: w, height: h });
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
      let best = Infinity;
      if (data[y * w + x] === 0) best = 0;
      else {
        for (let yy = -1; yy <= h; yy++) for (let xx = -1; xx <= w; xx++) {
          const bg = xx < 0 || yy < 0 || xx >= w || yy >= h || data[yy * w + xx] === 0;
          if (bg) best = Math.min(best, (xx - x) ** 2 + (yy - y) ** 2);
        }
      }
      expect(dt[y * w + x]).toBe(best);
    }
  });

  it('the distance peak is the centre of the largest inscribed disc', () => {
    expect(distancePeak(ellipseMask(41, 31, 20, 15, 12))).toEqual([20, 15]);
    expect(distancePeak(maskFromRows(['00']))).toBeNull();
  });

  it('the best centre reconstructs a crescent better than its mass centre', () => {
    // A crescent: its centre of mass lies in the bite, where rays see the shape badly.
    const w = 80, h = 80;
    const data = new Uint8Array(w * h);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
      const inBig = (x - 40) ** 2 + (y - 40) ** 2 <= 30 ** 2;
      const inBite = (x - 55) ** 2 + (y - 40) ** 2 <= 24 ** 2;
      if (inBig && !inBite) data[y * w + x] = 1;
    }
    const mask = { data, width: w, height: h };
    let first = 0;
    while (!data[first]) first++;
    const boundary = outerBoundaryPolygon(mask, first % w, Math.floor(first / w));
    const scorer = new ReconstructionScorer(boundary, mask, 36);
    const mc = massCentre(mask)!;
    const atMass = scorer.iou(mc[0], mc[1]);
    const best = bestCentre(scorer, [mc]);
    expect(best.iou).toBeGreaterThan(atMass + 0.05);
    expect(best.iou).toBeCloseTo(scorer.iou(best.centre[0], best.centre[1]), 12);
  });
});
