import { existsSync, promises as fs } from 'fs';
import * as path from 'path';
import { writeFileAtomic } from '@seg/tensor/node';
import { seededSplit } from '../data/split';
import type { WeakModel } from '../model/weak-model';
import { resolveConfig, WeakConfigInput } from '../pipeline/config';
import { TrainProgress, trainWeak } from '../pipeline/train-weak';
import { loadSample, openWeakDataset } from './dataset';
import { loadTrainState, saveTrainState } from './model-files';
import { saveWeakModel } from './model-files';
import { nodeSessionFactory } from './sessions';

export interface TrainFolderOptions {
  data: string;
  /** Ratio table (default: found in the data folder). */
  labels?: string;
  out: string;
  /** Train on this many images (or fraction) of a seeded split; default: all. */
  trainSplit?: number;
  seed?: number;
  config?: WeakConfigInput;
  /** Continue from `<out>/checkpoint.safetensors` when it exists. */
  resume?: boolean;
  threads?: number;
  checkpointEvery?: number;
  signal?: AbortSignal;
  onProgress?(p: TrainProgress): void;
  log?(message: string): void;
}

export const CHECKPOINT_FILE = 'checkpoint.safetensors';

/**
 * Trains a method-1 model on a data folder and saves it in `out` (model files, `split.json`);
 * a resumable checkpoint is written atomically to `out/checkpoint.safetensors` as training goes.
 */
export async function trainWeakFolder(o: TrainFolderOptions): Promise<{ model: WeakModel; train: string[]; test: string[]; resumed: boolean }> {
  const ds = await openWeakDataset(o.data, { labels: o.labels });
  const seed = o.seed ?? 0;
  const config = resolveConfig({ seed, ...o.config });
  const idx = o.trainSplit === undefined ? { train: ds.entries.map((_, i) => i), test: [] as number[] } : seededSplit(ds.entries.length, o.trainSplit, seed);
  const train = idx.train.map((i) => ds.entries[i]);
  const test = idx.test.map((i) => ds.entries[i].image);
  const checkpoint = path.join(o.out, CHECKPOINT_FILE);
  let resume;
  if (o.resume && existsSync(checkpoint)) {
    const saved = await loadTrainState(checkpoint);
    const a = JSON.stringify(saved.config); const b = JSON.stringify({ config, train: train.map((e) => e.image) });
    if (a !== b) throw new Error(`${checkpoint} was written by a run with another configuration or training set; remove it or train without --resume`);
    resume = saved.state;
    o.log?.(`resuming from ${checkpoint} (${resume.stage} stage)`);
  }
  // Masks are loaded for 'mask' supervision (and, as a diagnostic of the pseudo-labels, whenever listed).
  const samples = [];
  for (const e of train) samples.push(await loadSample(ds, e, { mask: true }));
  const tag = { config, train: train.map((e) => e.image) };
  const model = await trainWeak(samples, config, {
    createSession: nodeSessionFactory(o.threads), signal: o.signal, onProgress: o.onProgress, resume, checkpointEvery: o.checkpointEvery,
    onCheckpoint: (s) => saveTrainState(checkpoint, s, tag),
  });
  await saveWeakModel(o.out, model);
  await writeFileAtomic(path.join(o.out, 'split.json'), `${JSON.stringify({ data: path.resolve(o.data), table: ds.table, seed, train: train.map((e) => e.image), test }, null, 2)}\n`);
  // The finished model supersedes the checkpoint.
  await fs.rm(checkpoint, { force: true });
  return { model, train: train.map((e) => e.image), test, resumed: !!resume };
}
