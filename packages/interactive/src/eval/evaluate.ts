import type { Click } from '../clicks/click';
import { GT_IGNORE, nextClick } from './click-simulator';
import { iouAfter, maskIoU, numberOfClicks } from './metrics';

/** One evaluation sample: an RGB image and its ground truth (GT_* values). */
export interface EvalSample {
  name: string;
  width: number;
  height: number;
  rgb: Uint8Array;
  gt: Uint8Array;
}

/** What the evaluation drives: set an image once, then predict a mask for a growing click list. */
export interface ClickSegmenter {
  setImage(sample: EvalSample): Promise<void>;
  /** Binary mask (0/1) at image resolution. */
  predict(clicks: readonly Click[]): Promise<Uint8Array>;
}

export interface SampleResult {
  name: string;
  ious: number[];
  noc85: number;
  noc90: number;
  msPerClick: number;
  featureMs: number;
}

export interface EvalSummary {
  images: number;
  maxClicks: number;
  noc85: number;
  noc90: number;
  miou: Record<string, number>;
  msPerClick: number;
  msFeatures: number;
  perImage: SampleResult[];
}

/**
 * Runs the standard protocol on one sample: the simulator clicks until `maxClicks` (it stops
 * early only when the prediction is perfect), and the IoU after each click is recorded.
 */
export async function evaluateSample(seg: ClickSegmenter, s: EvalSample, maxClicks: number): Promise<SampleResult> {
  const t0 = performance.now();
  await seg.setImage(s);
  const featureMs = performance.now() - t0;
  const clicks: Click[] = [];
  const ious: number[] = [];
  let pred: Uint8Array = new Uint8Array(s.width * s.height);
  let clickMs = 0;
  for (let k = 0; k < maxClicks; k++) {
    const c = nextClick(s.gt, pred, s.width, s.height);
    if (!c) { ious.push(1); continue; }
    clicks.push(c);
    const t1 = performance.now();
    pred = await seg.predict(clicks);
    clickMs += performance.now() - t1;
    ious.push(maskIoU(s.gt, pred));
  }
  return {
    name: s.name, ious,
    noc85: numberOfClicks(ious, 0.85, maxClicks),
    noc90: numberOfClicks(ious, 0.9, maxClicks),
    msPerClick: clickMs / Math.max(1, clicks.length),
    featureMs,
  };
}

export async function evaluate(
  seg: ClickSegmenter, samples: AsyncIterable<EvalSample> | Iterable<EvalSample>, maxClicks = 20,
  onProgress?: (done: number, r: SampleResult) => void,
): Promise<EvalSummary> {
  const results: SampleResult[] = [];
  for await (const s of samples) {
    const r = await evaluateSample(seg, s, maxClicks);
    results.push(r);
    onProgress?.(results.length, r);
  }
  if (!results.length) throw new Error('evaluation: the data set has no samples');
  const mean = (f: (r: SampleResult) => number): number => results.reduce((a, r) => a + f(r), 0) / results.length;
  const miou: Record<string, number> = {};
  for (const k of [1, 3, 5, 10]) if (k <= maxClicks) miou[String(k)] = mean((r) => iouAfter(r.ious, k));
  return {
    images: results.length, maxClicks,
    noc85: mean((r) => r.noc85), noc90: mean((r) => r.noc90), miou,
    msPerClick: mean((r) => r.msPerClick), msFeatures: mean((r) => r.featureMs),
    perImage: results,
  };
}

/** Converts a dataset mask (0 bg, 255 fg, 128 ignore for GrabCut) to GT_* values. */
export function gtFromMask(mask: Uint8Array): Uint8Array {
  const gt = new Uint8Array(mask.length);
  for (let i = 0; i < mask.length; i++) gt[i] = mask[i] === 128 ? GT_IGNORE : mask[i] > 128 ? 1 : 0;
  return gt;
}
