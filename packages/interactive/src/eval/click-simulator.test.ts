import { GT_BACKGROUND, GT_IGNORE, GT_OBJECT, nextClick } from './click-simulator';
import { iouAfter, maskIoU, numberOfClicks } from './metrics';

function rect(w: number, h: number, x0: number, y0: number, x1: number, y1: number, inside: number, outside: number): Uint8Array {
  const m = new Uint8Array(w * h).fill(outside);
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) m[y * w + x] = inside;
  return m;
}

describe('click simulator', () => {
  it('puts the first click at the object point farthest from its boundary', () => {
    const gt = rect(40, 30, 10, 5, 31, 26, GT_OBJECT, GT_BACKGROUND); // 21x21 square centred at (20, 15)
    expect(nextClick(gt, new Uint8Array(40 * 30), 40, 30)).toEqual({ x: 20, y: 15, label: 1 });
  });

  it('clicks negative inside the larger false-positive region', () => {
    const w = 60, h = 40;
    const gt = rect(w, h, 5, 5, 15, 15, GT_OBJECT, GT_BACKGROUND);
    const pred = rect(w, h, 30, 10, 50, 30, 1, 0); // big false positive, the object is missed (10x10)
    const c = nextClick(gt, pred, w, h)!;
    expect(c.label).toBe(0);
    expect(c.x).toBeGreaterThanOrEqual(38); expect(c.x).toBeLessThanOrEqual(41);
    expect(c.y).toBeGreaterThanOrEqual(18); expect(c.y).toBeLessThanOrEqual(21);
  });

  it('never counts ignored pixels as errors and returns null when done', () => {
    const gt = rect(20, 20, 5, 5, 15, 15, GT_OBJECT, GT_BACKGROUND);
    for (let x = 0; x < 20; x++) gt[x] = GT_IGNORE;
    const pred = rect(20, 20, 5, 5, 15, 15, 1, 0);
    pred[3] = 1; // a false positive on an ignored pixel
    expect(nextClick(gt, pred, 20, 20)).toBeNull();
    expect(maskIoU(gt, pred)).toBe(1);
  });
});

describe('NoC metrics', () => {
  it('counts clicks to a threshold and caps at the maximum', () => {
    expect(numberOfClicks([0.5, 0.86, 0.91], 0.85, 20)).toBe(2);
    expect(numberOfClicks([0.5, 0.86, 0.91], 0.9, 20)).toBe(3);
    expect(numberOfClicks([0.5, 0.6], 0.9, 20)).toBe(20);
    expect(iouAfter([0.5, 0.7], 5)).toBe(0.7);
  });
});
