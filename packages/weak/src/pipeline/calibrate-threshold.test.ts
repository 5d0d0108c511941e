import { fillHoles } from '../postprocess/fill-holes';
import { calibrateThreshold, calibrateThresholdWith } from './calibrate-threshold';

/** A 20x20 ring (probability 0.9) around a pale centre (0.3) on a background of 0.1. */
function ring(): Float32Array {
  const p = new Float32Array(400).fill(0.1);
  for (let y = 0; y < 20; y++) for (let x = 0; x < 20; x++) {
    const r = Math.hypot(x - 9.5, y - 9.5);
    if (r < 7) p[y * 20 + x] = r < 4 ? 0.3 : 0.9;
  }
  return p;
}

describe('calibrateThresholdWith', () => {
  it('measures the fractions on the post-processed masks', () => {
    const prob = ring();
    const frac = (t: number): number => prob.reduce((a, v) => a + (v > t ? 1 : 0), 0) / 400;
    const disc = frac(0.2);
    const ringOnly = frac(0.5);
    // The disc's area: without filling only a cut below the pale centre (0.3) reaches it; filled, any cut below 0.9 does.
    expect(calibrateThreshold([{ prob, ratio: disc }]).threshold).toBeLessThan(0.3);
    const filled = calibrateThresholdWith([{ prob, ratio: disc, width: 20, height: 20 }], fillHoles);
    expect(filled.threshold).toBeLessThan(0.9);
    expect(filled.mae).toBe(0);
    // The ring's area: reachable without filling, never with it (the centre always comes along).
    expect(calibrateThreshold([{ prob, ratio: ringOnly }]).mae).toBe(0);
    const ringFilled = calibrateThresholdWith([{ prob, ratio: ringOnly, width: 20, height: 20 }], fillHoles);
    expect(ringFilled.mae).toBeCloseTo(disc - ringOnly, 6);
  });

  it('names rasters without a size', () => {
    expect(() => calibrateThresholdWith([{ prob: new Float32Array(6), ratio: 0.5, width: 2, height: 2 }], fillHoles)).toThrow(/image 0 needs width x height = 6 probabilities, got 2x2/);
  });
});
