import type { Command } from 'commander';
import { emit, log, UsageError } from '../output';
import { addWeakConfigFlags, num, stderrProgress, weakConfigFrom, WeakConfigFlags } from './weak-options';

interface TrainFlags extends WeakConfigFlags {
  data?: string;
  labels?: string;
  trainSplit?: string;
  out: string;
  supervision: string;
  resume?: boolean;
  json?: boolean;
}

interface PredictFlags {
  model: string;
  image: string;
  out?: string;
  probability?: string;
  threads: string;
  json?: boolean;
}

const r4 = (x: number): number => Math.round(x * 1e4) / 1e4;

/**
 * `seg weak train|predict`: method 1, weakly supervised segmentation from area ratios (issue 6).
 * Training reads a folder of images with a CSV/JSON of area ratios (MoNuSeg's index.csv works as is).
 */
export function registerWeak(program: Command): void {
  const weak = program.command('weak').description('method 1: segmentation learned from area ratios (superpixel GCN + pixel FCN)');

  addWeakConfigFlags(weak.command('train')
    .description('train a model from images and their area ratios (progress on stderr, atomic checkpoints in --out)')
    .option('--data <dir>', 'data folder with images and a ratio table (default: the shared MoNuSeg set)')
    .option('--labels <file>', 'ratio table (CSV or JSON: image, ratio[, error][, mask]); default ratios.csv/ratios.json/index.csv in --data')
    .option('--train-split <n>', 'train on this many images (or fraction in (0, 1)) of a seeded split; the rest are listed in split.json as test images')
    .requiredOption('--out <dir>', 'model folder to write (model.json, *.safetensors, *.onnx, split.json)')
    .option('--supervision <kind>', "ratio (the method), mask (full masks: upper bound) or size (Kervadec's size loss)", 'ratio')
    .option('--resume', 'continue from <out>/checkpoint.safetensors when it exists')
    .option('--json', 'print one JSON document on stdout'))
    .action(async (f: TrainFlags) => {
      const { sharedPath } = await import('@seg/tensor/node');
      const data = f.data ?? sharedPath('data', 'monuseg');
      if (!data) throw new UsageError('no --data folder given and the shared MoNuSeg set (shared/data/monuseg) was not found');
      if (!['ratio', 'mask', 'size'].includes(f.supervision)) throw new UsageError(`--supervision must be ratio, mask or size, got '${f.supervision}'`);
      const trainSplit = f.trainSplit === undefined ? undefined : num(f.trainSplit, '--train-split', (v) => (v > 0 && v < 1) || (Number.isInteger(v) && v >= 1), 'a count >= 1 or a fraction in (0, 1)');
      const config: Record<string, any> = { ...(await weakConfigFrom(f)), supervision: f.supervision };
      const threads = num(f.threads, '--threads', (v) => Number.isInteger(v) && v >= 1, 'a positive integer');
      const { trainWeakFolder } = await import('@seg/weak/node');
      const bar = await stderrProgress('weak train');
      const t0 = performance.now();
      let result;
      try {
        result = await trainWeakFolder({
          data, labels: f.labels, out: f.out, trainSplit, seed: config.seed, config, resume: f.resume, threads, log,
          onProgress: (p) => bar.update(p.step, p.total, `${p.stage}${p.loss !== undefined ? ` loss ${p.loss.toFixed(4)}` : ''}${p.message ? ` ${p.message}` : ''}`),
        });
      } finally {
        bar.stop();
      }
      const m = result.model;
      const out = {
        out: f.out, data, supervision: m.config.supervision, resumed: result.resumed, train: result.train.length, test: result.test.length,
        trainSeconds: r4((performance.now() - t0) / 1000), thresholds: m.thresholds, calibration: m.summary.calibration,
        pseudoLabelDice: m.summary.pseudoLabelDice, stages: m.summary.stages,
      };
      emit(out, f, (o: typeof out) => `trained a ${o.supervision}-supervised model on ${o.train} images in ${o.trainSeconds} s -> ${o.out}`
        + (o.test ? `\n${o.test} held-out images listed in ${o.out}/split.json` : ''));
    });

  weak.command('predict')
    .description('segment one image with a trained model: mask PNG, probability map, estimated area ratio')
    .requiredOption('--model <dir>', 'model folder written by seg weak train')
    .requiredOption('--image <file>', 'input image (PNG, JPEG, WebP)')
    .option('--out <mask.png>', 'write the mask (0 background, 255 target)')
    .option('--probability <prob.png>', 'write the probability map as 8-bit grey')
    .option('--threads <n>', 'onnxruntime threads', '1')
    .option('--json', 'print one JSON document on stdout')
    .action(async (f: PredictFlags) => {
      const threads = num(f.threads, '--threads', (v) => Number.isInteger(v) && v >= 1, 'a positive integer');
      const { loadWeakModel, nodeSessionFactory } = await import('@seg/weak/node');
      const { WeakPredictor } = await import('@seg/weak');
      const { readImage, writeImage } = await import('@seg/tensor/node');
      const { createImage } = await import('@seg/tensor');
      const model = await loadWeakModel(f.model);
      const image = await readImage(f.image, { channels: 3 });
      const predictor = await WeakPredictor.create(model, nodeSessionFactory(threads));
      let p;
      try { p = await predictor.predict(image); } finally { await predictor.release(); }
      if (f.out) await writeImage(f.out, createImage(p.width, p.height, 1, Uint8Array.from(p.mask, (v) => (v ? 255 : 0))));
      if (f.probability) await writeImage(f.probability, createImage(p.width, p.height, 1, Uint8Array.from(p.probability, (v) => Math.round(255 * Math.min(1, Math.max(0, v))))));
      const out = {
        image: f.image, width: p.width, height: p.height, areaRatio: r4(p.ratio), mask: f.out ?? null, probability: f.probability ?? null,
        superpixel: p.superpixel ? { areaRatio: r4(p.superpixel.ratio), segments: p.superpixel.segments } : null,
        ms: Object.fromEntries(Object.entries(p.ms).map(([k, v]) => [k, Math.round(v)])),
      };
      emit(out, f, (o: typeof out) => `${o.image}: estimated area ratio ${o.areaRatio}${o.mask ? ` -> ${o.mask}` : ''} (${o.ms.total} ms)`);
    });
}
