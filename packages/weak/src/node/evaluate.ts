import * as path from 'path';
import { otsuHaematoxylin } from '../baselines/otsu-haematoxylin';
import { seededSplit } from '../data/split';
import { overlap, Overlap, pooledOverlap } from '../metrics/dice';
import type { WeakModel } from '../model/weak-model';
import { resolveConfig, Supervision, WeakConfigInput } from '../pipeline/config';
import { WeakPredictor } from '../pipeline/predict-weak';
import { TrainProgress, trainWeak, TrainSample } from '../pipeline/train-weak';
import { loadSample, openWeakDataset } from './dataset';
import { nodeSessionFactory } from './sessions';

/** The rows an evaluation can report. */
export type EvalMethod = 'area-ratio' | 'full-mask' | 'size-loss' | 'otsu';
export const EVAL_METHODS: EvalMethod[] = ['area-ratio', 'full-mask', 'size-loss', 'otsu'];
const SUPERVISION: Record<Exclude<EvalMethod, 'otsu'>, Supervision> = { 'area-ratio': 'ratio', 'full-mask': 'mask', 'size-loss': 'size' };

export interface EvalOptions {
  data: string;
  labels?: string;
  /** Training images: a count or a fraction of the set (default 24 of MoNuSeg's 32); the rest are evaluated. */
  train?: number;
  seed?: number;
  /** Methods to run; Otsu is always added. */
  methods?: EvalMethod[];
  config?: WeakConfigInput;
  threads?: number;
  onProgress?(method: EvalMethod, p: TrainProgress): void;
  log?(message: string): void;
}

export interface EvalRow {
  method: string;
  supervision: string;
  /** Mean over test images, and over their summed pixel counts ("pooled"). */
  dice: number;
  iou: number;
  dicePooled: number;
  iouPooled: number;
  /** Mean absolute error of the estimated area ratio (the mask's fraction) against the truth. */
  ratioMae: number;
  trainSeconds: number;
  predictSecondsPerImage: number;
  perImage: { image: string; dice: number; iou: number; ratio: number; predictedRatio: number }[];
  /** Training diagnostics (pseudo-label Dice on the training masks, calibration error). */
  training?: WeakModel['summary'];
}

export interface EvalReport {
  data: string;
  split: { seed: number; train: string[]; test: string[] };
  config: ReturnType<typeof resolveConfig>;
  rows: EvalRow[];
}

const r4 = (x: number): number => Math.round(x * 1e4) / 1e4;

function row(method: string, supervision: string, parts: Overlap[], test: TrainSample[], ratios: number[], trainMs: number, predictMs: number, training?: WeakModel['summary']): EvalRow {
  const pooled = pooledOverlap(parts);
  const mean = (f: (o: Overlap) => number): number => parts.reduce((a, o) => a + f(o), 0) / parts.length;
  const truth = test.map((s) => s.mask!.reduce((a, v) => a + v, 0) / s.mask!.length);
  return {
    method, supervision, dice: r4(mean((o) => o.dice)), iou: r4(mean((o) => o.iou)), dicePooled: r4(pooled.dice), iouPooled: r4(pooled.iou),
    ratioMae: r4(ratios.reduce((a, r, i) => a + Math.abs(r - truth[i]), 0) / ratios.length),
    trainSeconds: r4(trainMs / 1000), predictSecondsPerImage: r4(predictMs / 1000 / Math.max(1, test.length)),
    perImage: test.map((s, i) => ({ image: s.name, dice: r4(parts[i].dice), iou: r4(parts[i].iou), ratio: r4(truth[i]), predictedRatio: r4(ratios[i]) })),
    training,
  };
}

/**
 * Method 1's evaluation harness: a seeded split of a data folder with masks; each model is trained
 * on the training images and scored on the rest (Dice, IoU, area-ratio error, training time):
 * the area-ratio model (its pixel FCN and, as an extra row, its superpixel GCN alone), the same
 * model trained with full masks (upper bound), Kervadec et al.'s size loss, and Otsu on the
 * haematoxylin channel (always reported).
 */
export async function evaluateWeak(o: EvalOptions): Promise<EvalReport> {
  const ds = await openWeakDataset(o.data, { labels: o.labels });
  const missing = ds.entries.filter((e) => !e.mask);
  if (missing.length) throw new Error(`evaluation needs a mask for every image; ${missing.length} have none (first: ${missing[0].image})`);
  const seed = o.seed ?? 0;
  const split = seededSplit(ds.entries.length, o.train ?? Math.min(24, ds.entries.length - 1), seed);
  if (split.test.length === 0) throw new Error('evaluation: no test images left; train on fewer');
  const log = o.log ?? (() => undefined);
  const train: TrainSample[] = []; const test: TrainSample[] = [];
  for (const i of split.train) train.push(await loadSample(ds, ds.entries[i], { mask: true }));
  for (const i of split.test) test.push(await loadSample(ds, ds.entries[i], { mask: true }));
  log(`split (seed ${seed}): ${train.length} training, ${test.length} test images`);
  const createSession = nodeSessionFactory(o.threads);
  const rows: EvalRow[] = [];
  const methods = [...new Set([...(o.methods ?? EVAL_METHODS).filter((m) => m !== 'otsu'), 'otsu' as const])];
  const baseConfig = resolveConfig({ seed, ...o.config });
  for (const method of methods) {
    if (method === 'otsu') {
      const t0 = performance.now();
      const res = test.map((s) => otsuHaematoxylin(s.image));
      const ms = performance.now() - t0;
      rows.push(row('otsu', 'none (Otsu on the haematoxylin channel, per image)', res.map((r, i) => overlap(r.mask, test[i].mask!)), test, res.map((r) => r.ratio), 0, ms));
      continue;
    }
    const supervision = SUPERVISION[method];
    log(`training ${method} (${supervision} supervision) on ${train.length} images`);
    const t0 = performance.now();
    const model = await trainWeak(train, { ...baseConfig, supervision }, { createSession, onProgress: (p) => o.onProgress?.(method, p) });
    const trainMs = performance.now() - t0;
    const predictor = await WeakPredictor.create(model, createSession);
    const preds = [];
    const p0 = performance.now();
    try {
      for (const s of test) preds.push(await predictor.predict(s.image));
    } finally {
      await predictor.release();
    }
    const predictMs = performance.now() - p0;
    rows.push(row(method, supervision, preds.map((p, i) => overlap(p.mask, test[i].mask!)), test, preds.map((p) => p.ratio), trainMs, predictMs, model.summary));
    if (preds[0].superpixel && model.pixel) {
      rows.push(row(`${method} (superpixel GCN only)`, supervision, preds.map((p, i) => overlap(p.superpixel!.mask, test[i].mask!)), test, preds.map((p) => p.superpixel!.ratio), model.summary.stages.prepare.ms + (model.summary.stages.gcn?.ms ?? 0), predictMs));
    }
    log(`${method}: Dice ${rows[rows.length - (preds[0].superpixel && model.pixel ? 2 : 1)].dice}`);
  }
  return { data: path.resolve(o.data), split: { seed, train: train.map((s) => s.name), test: test.map((s) => s.name) }, config: baseConfig, rows };
}
