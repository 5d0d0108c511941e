import { ColumnStatsAccumulator, pixelLabels, vertexToPixels } from '@seg/graph';
import { ImageU8, resizeMap, Tensor } from '@seg/tensor';
import type { SessionFactory } from '../engine/step-runner';
import { BASE_CHANNELS, prepareTile, WorkingTile } from '../features/pixel-features';
import { branchInput } from '../gcn/fcn-branch';
import { trainGcn, VertexTile } from '../gcn/gcn-trainer';
import { tileGraph, TileGraph } from '../gcn/tile-graph';
import { gaussianBlur } from '../features/gaussian-blur';
import { blendRanks } from '../labels/rank-blend';
import { ignoreLabelBoundaries, pixelRatioLabels, seedLabels } from '../labels/pixel-labels';
import { majorityLabels } from '../labels/vertex-labels';
import { overlap, pooledOverlap, Overlap } from '../metrics/dice';
import type { TrainSummary, WeakModel } from '../model/weak-model';
import { ChannelStats, pixelInputStats } from '../pixel/pixel-input';
import { PixelTile, PixelTrainer } from '../pixel/pixel-trainer';
import { coldStartPrior } from '../prior/cold-start';
import { tileSuperpixels, TileSuperpixels, vertexMeans } from '../superpixel/tile-superpixels';
import { calibrateThreshold, calibrateThresholdWith, WeightedProbabilities } from './calibrate-threshold';
import { fillHoles } from '../postprocess/fill-holes';
import { standardizedPixelInput, vertexTileStats } from './standardize';
import { resolveConfig, WeakConfig, WeakConfigInput } from './config';

/** One training image. */
export interface TrainSample {
  name: string;
  image: ImageU8;
  /** Area ratio of the target region in [0, 1]. */
  ratio: number;
  /** Estimated error of the ratio (default: the config's). */
  error?: number;
  /** Full-resolution mask (non-zero = target): required for 'mask' supervision, else only a diagnostic. */
  mask?: Uint8Array;
}

export interface TrainProgress {
  stage: 'prepare' | 'gcn' | 'pixel';
  /** Overall step and total across the stages (for one progress bar). */
  step: number;
  total: number;
  loss?: number;
  message?: string;
}

/** A resumable point of a run (stage, position and the carried values). */
export interface TrainState {
  stage: 'gcn' | 'pixel';
  /** Last finished GCN epoch, or the pixel round and steps done in it. */
  epoch: number;
  round: number;
  roundStep: number;
  runnerStep: number;
  values: Map<string, Tensor>;
  kinds: Record<string, 'parameter' | 'optimizer' | 'state'>;
  /** Trained GCN values (in the pixel stage). */
  gcn?: Map<string, Tensor>;
  /** FCN values at the start of the current self-training round (its labels are drawn from them). */
  roundStart?: Map<string, Tensor>;
}

export interface TrainHooks {
  createSession: SessionFactory;
  signal?: AbortSignal;
  onProgress?(p: TrainProgress): void;
  /** Called with a resumable state after each GCN epoch and every `checkpointEvery` pixel steps. */
  onCheckpoint?(s: TrainState): void | Promise<void>;
  checkpointEvery?: number;
  resume?: TrainState;
}

interface PreparedTile {
  sample: TrainSample;
  tile: WorkingTile;
  sp: TileSuperpixels;
  error: number;
  /** Mask at working scale (0/1), when the sample has one. */
  mask: Uint8Array | null;
}

function maskAtScale(mask: Uint8Array, w: number, h: number, tile: WorkingTile): Uint8Array {
  if (mask.length !== w * h) throw new Error(`mask has ${mask.length} pixels, the image ${w}x${h} = ${w * h}`);
  const bin = new Tensor('uint8', [h, w], Uint8Array.from(mask, (v) => (v ? 1 : 0)));
  if (w === tile.width && h === tile.height) return bin.data as Uint8Array;
  return resizeMap(bin, { width: tile.width, height: tile.height, mode: 'nearest' }).data as Uint8Array;
}

const pooledDice = (parts: Overlap[]): number => pooledOverlap(parts).dice;
const asMask = (labels: Int8Array): Uint8Array => Uint8Array.from(labels, (v) => (v === 1 ? 1 : 0));

/**
 * Trains a method-1 model. Stages:
 * 1. per tile at working scale: colour/stain features (a fixed FCN), SLIC superpixels on them,
 *    mean features per superpixel;
 * 2. vertex stage ('ratio' and 'mask'): the superpixel graph (standardised features, Gaussian edge
 *    weights) and a GCN trained with pseudo-labels from the area ratio, refreshed every epoch
 *    from its own scores, the first epoch ranked by the cold-start prior ('mask': majority labels);
 * 3. pixel stage: a small FCN trained on pixel pseudo-labels from the ratio (the unlabelled band
 *    ignored), the pixels ranked by `pixel.labelSource`: the GCN's vertex labels painted on the
 *    pixels, the smoothed pixel prior, or (default) a blend of the GCN's and the prior's rankings;
 *    then self-training rounds whose labels are re-drawn from the FCN's own probabilities and the
 *    ratio ('mask': the full masks; 'size': Kervadec's size-constraint loss with prior seeds);
 * 4. the decision thresholds calibrated on the training ratios.
 */
export async function trainWeak(samples: readonly TrainSample[], configInput: WeakConfigInput, hooks: TrainHooks): Promise<WeakModel> {
  const config: WeakConfig = resolveConfig(configInput);
  if (samples.length === 0) throw new Error('weak training: no training images');
  const t0 = performance.now();
  const stages: TrainSummary['stages'] = {};
  const pseudoLabelDice: Record<string, number> = {};
  const sup = config.supervision;
  for (const s of samples) {
    if (!(s.ratio >= 0 && s.ratio <= 1)) throw new Error(`weak training: ${s.name}: area ratio ${s.ratio} is outside [0, 1]`);
    if (sup === 'mask' && !s.mask) throw new Error(`weak training: ${s.name} has no mask; 'mask' supervision needs one for every training image`);
  }
  const useGcn = sup !== 'size';
  const pixelSteps = config.pixel.enabled ? config.pixel.steps + config.pixel.rounds * config.pixel.roundSteps : 0;
  const total = samples.length + (useGcn ? config.gcn.epochs : 0) + pixelSteps;
  let done = 0;
  const progress = (stage: TrainProgress['stage'], loss?: number, message?: string): void => hooks.onProgress?.({ stage, step: done, total, loss, message });
  const aborted = (): void => { if (hooks.signal?.aborted) throw hooks.signal.reason ?? new Error('aborted'); };

  // Stage 1: features and superpixels of every tile.
  let ts = performance.now();
  const prior = coldStartPrior(config.prior);
  const tiles: PreparedTile[] = [];
  for (const s of samples) {
    aborted();
    const tile = prepareTile(s.image, config.scale, config.features);
    const sp = tileSuperpixels(tile, config.superpixels);
    tiles.push({ sample: s, tile, sp, error: s.error ?? config.error, mask: s.mask ? maskAtScale(s.mask, s.image.width, s.image.height, tile) : null });
    done++;
    progress('prepare', undefined, s.name);
  }
  const vertexChannels = tiles[0].sp.channels;
  const acc = new ColumnStatsAccumulator(vertexChannels);
  for (const t of tiles) acc.add(t.sp.rawFeatures, t.sp.map.count);
  const vs = acc.stats();
  const vertexStats = { mean: Array.from(vs.mean), std: Array.from(vs.std) };
  stages.prepare = { ms: performance.now() - ts };
  const priorScores = tiles.map((t) => {
    const px = prior.pixelScores(t.tile);
    return px ? vertexMeans(t.sp, px) : null;
  });
  const withMasks = tiles.every((t) => t.mask);

  // Stage 2: the vertex stage.
  let gcnValues: Map<string, Tensor> | null = null;
  let vertexLabels: Int8Array[] | null = null;
  let gcnScores: Float32Array[] | null = null;
  const thresholds = { pixel: config.threshold, superpixel: config.threshold };
  const calibration: NonNullable<TrainSummary['calibration']> = {};
  if (useGcn) {
    ts = performance.now();
    const graphs: TileGraph[] = tiles.map((t) => tileGraph(t.sp, config.standardize === 'set+tile' ? vs : null, { sigmaFactor: config.sigmaFactor }, vertexTileStats(config.standardize, t.sp)));
    const vtiles: VertexTile[] = tiles.map((t, i) => ({
      graph: graphs[i], area: t.sp.area, ratio: t.sample.ratio, error: t.error, prior: priorScores[i],
      fixedLabels: sup === 'mask' ? majorityLabels(t.sp.map.labels, t.sp.map.count, t.mask!) : undefined,
      branch: config.gcn.fcn.enabled ? branchInput(standardizedPixelInput(config.standardize, t.tile, null), t.tile.width, t.tile.height, t.sp.map, config.gcn.fcn.scale) : undefined,
    }));
    const inPixel = hooks.resume?.stage === 'pixel';
    const result = await trainGcn(vtiles, {
      model: config.gcn, epochs: inPixel ? 0 : config.gcn.epochs, stepsPerEpoch: config.gcn.stepsPerEpoch, lr: config.gcn.lr,
      weightDecay: config.gcn.weightDecay, areaWeighted: config.areaWeighted, createSession: hooks.createSession, signal: hooks.signal,
      resume: hooks.resume?.stage === 'gcn' ? { epoch: hooks.resume.epoch, step: hooks.resume.runnerStep, values: hooks.resume.values } : undefined,
      initialValues: inPixel ? hooks.resume!.gcn : undefined,
      onEpoch: async (e) => {
        done = samples.length + e.epoch + 1;
        progress('gcn', e.loss, `epoch ${e.epoch + 1}/${e.epochs}, ${(100 * e.changed).toFixed(1)}% labels changed`);
        const st = e.runner.state();
        await hooks.onCheckpoint?.({ stage: 'gcn', epoch: e.epoch, round: 0, roundStep: 0, runnerStep: st.step, values: st.values, kinds: st.kinds });
      },
    });
    gcnValues = result.values;
    gcnScores = result.scores;
    vertexLabels = result.labels;
    done = samples.length + config.gcn.epochs;
    stages.gcn = { ms: performance.now() - ts, loss: result.losses[result.losses.length - 1] };
    if (withMasks) {
      // Diagnostics: the last epoch's pseudo-labels, and the GCN's own decisions (score > 0).
      pseudoLabelDice.gcnLabels = pooledDice(tiles.map((t, i) => overlap(asMask(pixelLabels(t.sp.map, result.labels[i])), t.mask!)));
      pseudoLabelDice.gcnDecisions = pooledDice(tiles.map((t, i) => overlap(Uint8Array.from(t.sp.map.labels, (v) => (result.scores[i][v] > 0 ? 1 : 0)), t.mask!)));
    }
  }

  // Stage 3: the pixel stage.
  let pixelValues: Map<string, Tensor> | null = null;
  let pixelStats: ChannelStats | null = null;
  if (config.pixel.enabled) {
    ts = performance.now();
    pixelStats = pixelInputStats(tiles.map((t) => t.tile));
    const inputs = tiles.map((t) => standardizedPixelInput(config.standardize, t.tile, pixelStats));
    const targetsFor = (i: number): Int8Array => {
      const t = tiles[i];
      if (sup === 'mask') return Int8Array.from(t.mask!);
      if (sup === 'size') return pixelLabels(t.sp.map, seedLabels(priorScores[i] ?? new Float32Array(t.sp.map.count), t.sp.area, t.sample.ratio, config.pixel.seedFraction));
      const src = config.pixel.labelSource;
      if (src === 'gcn') return ignoreLabelBoundaries(pixelLabels(t.sp.map, vertexLabels![i]), t.tile.width, t.tile.height, config.pixel.ignoreBoundary);
      // Pixel-level ranking: the smoothed prior, alone or blended with the GCN's probabilities.
      let px = prior.pixelScores(t.tile);
      if (!px) throw new Error(`pixel.labelSource '${src}' needs a cold-start prior; prior is '${config.prior}'`);
      if (config.pixel.priorSigma > 0) px = gaussianBlur(px, 1, t.tile.height, t.tile.width, config.pixel.priorSigma);
      const score = src === 'prior' ? px : blendRanks([px, vertexToPixels(t.sp.map, gcnScores![i])], [1, config.pixel.gcnWeight]);
      return ignoreLabelBoundaries(pixelRatioLabels(score, t.sample.ratio, t.error), t.tile.width, t.tile.height, config.pixel.ignoreBoundary);
    };
    // Crops never exceed the smallest tile, so small images work with the defaults.
    const crop = Math.min(config.pixel.crop, ...tiles.map((t) => Math.min(t.tile.width, t.tile.height)));
    const trainer = await PixelTrainer.create({
      channels: BASE_CHANNELS, model: { ...config.pixel, seed: config.seed }, loss: sup === 'size' ? 'size' : 'labels',
      sizeWeight: config.pixel.sizeWeight, batch: config.pixel.batch, crop, lr: config.pixel.lr, seed: config.seed,
      augment: config.pixel.augment, jitter: config.pixel.jitter,
      createSession: hooks.createSession,
    });
    try {
      const base = samples.length + (useGcn ? config.gcn.epochs : 0);
      const every = hooks.checkpointEvery ?? 100;
      const resume = hooks.resume?.stage === 'pixel' ? hooks.resume : null;
      let roundStart: Map<string, Tensor> | undefined = resume?.roundStart;
      if (resume) trainer.runner.restore(resume.runnerStep, resume.values);
      const rounds = sup === 'ratio' ? config.pixel.rounds : 0;
      let loss = NaN;
      for (let round = resume?.round ?? 0; round <= rounds; round++) {
        const steps = round === 0 ? config.pixel.steps : config.pixel.roundSteps;
        const skip = resume && round === resume.round ? resume.roundStep : 0;
        // Labels of this round: the painted vertex labels, or the ratio applied to the FCN's own probabilities.
        if (round > 0 && !(resume && round === resume.round)) roundStart = trainer.runner.parameters();
        let targets: Int8Array[];
        if (round === 0) targets = tiles.map((_, i) => targetsFor(i));
        else {
          targets = [];
          for (let i = 0; i < tiles.length; i++) {
            const p = await trainer.predict(inputs[i], tiles[i].tile.width, tiles[i].tile.height, roundStart);
            targets.push(ignoreLabelBoundaries(pixelRatioLabels(p, tiles[i].sample.ratio, tiles[i].error), tiles[i].tile.width, tiles[i].tile.height, config.pixel.ignoreBoundary));
          }
        }
        if (withMasks) pseudoLabelDice[`pixelRound${round}`] = pooledDice(tiles.map((t, i) => overlap(asMask(targets[i]), t.mask!)));
        const ptiles: PixelTile[] = tiles.map((t, i) => ({ input: inputs[i], width: t.tile.width, height: t.tile.height, targets: targets[i], ratio: t.sample.ratio, error: t.error }));
        const before = base + (round === 0 ? 0 : config.pixel.steps + (round - 1) * config.pixel.roundSteps);
        loss = await trainer.train(ptiles, steps - skip, {
          signal: hooks.signal,
          onStep: async (s, l) => {
            done = before + skip + s + 1;
            if ((s + 1) % 10 === 0 || s + skip + 1 === steps) progress('pixel', l, `round ${round}/${rounds}`);
            if ((skip + s + 1) % every === 0 && skip + s + 1 < steps) {
              const st = trainer.runner.state();
              await hooks.onCheckpoint?.({ stage: 'pixel', epoch: 0, round, roundStep: skip + s + 1, runnerStep: st.step, values: st.values, kinds: st.kinds, gcn: gcnValues ?? undefined, roundStart });
            }
          },
        });
        const st = trainer.runner.state();
        // The end of a round: a resume starts the next one (its labels come from these values).
        await hooks.onCheckpoint?.({ stage: 'pixel', epoch: 0, round: round + 1, roundStep: 0, runnerStep: st.step, values: st.values, kinds: st.kinds, gcn: gcnValues ?? undefined, roundStart: st.values });
      }
      pixelValues = trainer.runner.parameters();
      if (config.calibrate) {
        const probs: WeightedProbabilities[] = [];
        for (let i = 0; i < tiles.length; i++) {
          const { width, height } = tiles[i].tile;
          probs.push({ prob: await trainer.predict(inputs[i], width, height), ratio: tiles[i].sample.ratio, width, height });
        }
        const c = config.fillHoles ? calibrateThresholdWith(probs, fillHoles) : calibrateThreshold(probs);
        thresholds.pixel = c.threshold;
        calibration.pixel = c.mae;
      }
      stages.pixel = { ms: performance.now() - ts, loss };
    } finally {
      await trainer.release();
    }
  }
  if (gcnScores && config.calibrate) {
    const c = calibrateThreshold(tiles.map((t, i) => ({ prob: Float32Array.from(gcnScores![i], (x) => 1 / (1 + Math.exp(-x))), area: t.sp.area, ratio: t.sample.ratio })));
    thresholds.superpixel = c.threshold;
    calibration.superpixel = c.mae;
  }
  return {
    config, vertexChannels, thresholds, vertexStats: useGcn && config.standardize === 'set+tile' ? vertexStats : null, pixelStats, gcn: gcnValues, pixel: pixelValues,
    summary: { images: samples.map((s) => s.name), trainMs: performance.now() - t0, pseudoLabelDice: withMasks ? pseudoLabelDice : undefined, stages, calibration },
  };
}
