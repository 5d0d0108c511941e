import { createNodeSession } from '@seg/runtime/node';
import type { Click } from './clicks/click';
import { nextClick } from './eval/click-simulator';
import { maskIoU } from './eval/metrics';
import { InteractiveSegmenter, SegmenterOptions } from './segmenter';
import { texturedDisc, threeBands } from './testing/synthetic-scene';

const createSession = (bytes: Uint8Array, label: string) => createNodeSession(bytes, { threads: 1 }, label);
const W = 96, H = 80;

function segmenter(o: Partial<SegmenterOptions> = {}): InteractiveSegmenter {
  return new InteractiveSegmenter({ backbone: 'filterbank', createSession, superpixels: 300, ...o });
}

/** Per-class IoU of a class map against ground truth classes. */
function classIoU(gt: Uint8Array, mask: Uint8Array, k: number): number {
  let inter = 0, union = 0;
  for (let i = 0; i < gt.length; i++) {
    const g = gt[i] === k, p = mask[i] === k;
    if (g && p) inter++;
    if (g || p) union++;
  }
  return inter / union;
}

describe('InteractiveSegmenter (filter bank features, synthetic scenes)', () => {
  const disc = texturedDisc(W, H);

  it('reaches IoU >= 0.9 on a textured disc within a few simulated clicks, for every refinement', async () => {
    for (const refine of ['graphcut', 'superpixels', 'none'] as const) {
      const seg = segmenter({ refine });
      await seg.setImage(disc.image);
      const clicks: Click[] = [];
      let mask: Uint8Array = new Uint8Array(W * H);
      const ious: number[] = [];
      for (let k = 0; k < 4; k++) {
        const c = nextClick(disc.gt, mask, W, H);
        if (!c) break;
        clicks.push(c);
        const p = await seg.predict(clicks);
        expect(p.width).toBe(W);
        expect(p.probability.length).toBe(W * H);
        mask = p.mask;
        ious.push(maskIoU(disc.gt, mask));
      }
      expect({ refine, best: Math.max(...ious) >= 0.9 }).toEqual({ refine, best: true });
      await seg.release();
    }
  });

  it('depends only on the click list: removing a click gives what a fresh segmenter gives', async () => {
    const exact = { tolerance: 1e-9, relativeTolerance: 0 };
    const a = segmenter(exact);
    const grid = await a.setImage(disc.image);
    const graph = a.currentRefinement();
    expect(graph).not.toBeNull();
    const clicks: Click[] = [{ x: 50, y: 38, label: 1 }, { x: 10, y: 10, label: 0 }, { x: 60, y: 45, label: 1 }, { x: 90, y: 70, label: 0 }];
    const all = await a.predict(clicks);
    const removed = await a.predict([clicks[0], clicks[2], clicks[3]]); // the user removes the second click
    const b = segmenter(exact);
    await b.setFeatures(grid, graph);
    const fresh = await b.predict([clicks[0], clicks[2], clicks[3]]);
    expect(Array.from(removed.mask)).toEqual(Array.from(fresh.mask));
    for (let i = 0; i < removed.probability.length; i += 97) expect(removed.probability[i]).toBeCloseTo(fresh.probability[i], 4);
    expect(all.fit.rows).toBeGreaterThan(removed.fit.rows);
    // and clicking again after the removal restores the four-click result
    const again = await a.predict(clicks);
    expect(Array.from(again.mask)).toEqual(Array.from(all.mask));
    await a.release();
    await b.release();
  });

  it('segments K classes from labelled points', async () => {
    const bands = threeBands(W, H);
    for (const refine of ['graphcut', 'none'] as const) {
      const seg = segmenter({ classes: 3, refine });
      await seg.setImage(bands.image);
      const clicks: Click[] = [
        { x: 12, y: 40, label: 0 }, { x: 48, y: 20, label: 1 }, { x: 48, y: 60, label: 1 }, { x: 84, y: 40, label: 2 }, { x: 15, y: 70, label: 0 },
      ];
      const p = await seg.predict(clicks);
      expect(new Set(p.mask)).toEqual(new Set([0, 1, 2]));
      for (let k = 0; k < 3; k++) expect(classIoU(bands.gt, p.mask, k)).toBeGreaterThan(0.8);
      await seg.release();
    }
  });

  it('rejects clicks outside the image or with an unknown class, naming the click', async () => {
    const seg = segmenter();
    await expect(seg.predict([{ x: 1, y: 1, label: 1 }])).rejects.toThrow(/call setImage\(\) before predict\(\)/);
    await seg.setImage(disc.image);
    await expect(seg.predict([{ x: 10, y: 10, label: 1 }, { x: W, y: 5, label: 0 }])).rejects.toThrow(`click 1 at (${W}, 5) is outside the ${W}x${H} image`);
    await expect(seg.predict([{ x: -1, y: 5, label: 1 }])).rejects.toThrow(/click 0 at \(-1, 5\) is outside/);
    await expect(seg.predict([{ x: 3, y: 5, label: 2 }])).rejects.toThrow(/click 0 has label 2; expected an integer class in 0..1/);
    await expect(seg.predict([{ x: Number.NaN, y: 5, label: 1 }])).rejects.toThrow(/outside/);
    await seg.release();
  });

  it('rejects unknown options', () => {
    expect(() => segmenter({ refine: 'crf' as never })).toThrow(/unknown refine mode 'crf'; expected one of graphcut, superpixels, none/);
    expect(() => segmenter({ solver: 'lbfgs' as never })).toThrow(/unknown solver 'lbfgs'/);
    expect(() => segmenter({ classes: 1 })).toThrow(/classes must be an integer in 2..255/);
  });

  it('returns an all-background mask without clicks', async () => {
    const seg = segmenter();
    await seg.setImage(disc.image);
    const p = await seg.predict([]);
    expect(p.mask.every((v) => v === 0)).toBe(true);
    await seg.release();
  });
});
