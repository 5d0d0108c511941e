import { startTraining, uploadDataset, type JobRecord } from './api';
import { base64Of, encodePng } from '../ui/png';
import { SYNTHETIC_CONFIG, syntheticTile, TRAIN_SEEDS } from './synthetic-tiles';

/**
 * "Train on synthetic tiles": makes the training tiles in the page, uploads each PNG with its
 * area ratio only (POST /weak/datasets; the masks stay here) and starts a weak.train job with
 * the fast synthetic configuration.
 */
export async function trainOnSyntheticTiles(): Promise<JobRecord> {
  const images = await Promise.all(TRAIN_SEEDS.map(async (seed) => {
    const t = syntheticTile(seed);
    return { name: `synthetic-${seed}.png`, image: await base64Of(await encodePng(t.image)), ratio: t.ratio };
  }));
  const dataset = await uploadDataset(images);
  return startTraining({ dataset, config: SYNTHETIC_CONFIG });
}

/** "Train on shared MoNuSeg": the server's copy of the set, default configuration, a seeded split of `trainSplit` tiles. */
export function trainOnMonuseg(trainSplit: number): Promise<JobRecord> {
  if (!(Number.isInteger(trainSplit) && trainSplit >= 1)) throw new Error(`train tiles must be a whole number >= 1, got ${trainSplit}`);
  return startTraining({ shared: 'monuseg', trainSplit });
}
