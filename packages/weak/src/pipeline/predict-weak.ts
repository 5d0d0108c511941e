import { vertexToPixels } from '@seg/graph';
import type { Session } from '@seg/runtime';
import { ImageU8, resizeMap, Tensor } from '@seg/tensor';
import type { SessionFactory } from '../engine/step-runner';
import { BASE_CHANNELS, prepareTile } from '../features/pixel-features';
import { exportGcn } from '../gcn/gcn-trainer';
import { branchFeeds, branchInput } from '../gcn/fcn-branch';
import { tileGraph } from '../gcn/tile-graph';
import type { WeakModel } from '../model/weak-model';
import { predictionDetail, WeakPredictionDetail } from './prediction-detail';
import { standardizedPixelInput, vertexTileStats } from './standardize';
import { exportPixelFcn } from '../pixel/pixel-trainer';
import { tileSuperpixels } from '../superpixel/tile-superpixels';
import { fillHoles } from '../postprocess/fill-holes';

/** What a method-1 model says about one image, at the image's own size. */
export interface WeakPrediction {
  width: number;
  height: number;
  /** Foreground probability per pixel (the pixel FCN's when trained, else the superpixel GCN's). */
  probability: Float32Array;
  /** 1 where probability > threshold. */
  mask: Uint8Array;
  /** Estimated area ratio: the mask's fraction of the image. */
  ratio: number;
  /** The superpixel decisions of the GCN (each superpixel's probability painted on its pixels), when the model has a vertex stage. */
  superpixel?: { probability: Float32Array; mask: Uint8Array; ratio: number; segments: number };
  /** The superpixels, their graph and the GCN's vertex probabilities (with `{ detail: true }`, when the model has a vertex stage). */
  detail?: WeakPredictionDetail;
  ms: { features: number; superpixels: number; gcn: number; pixel: number; total: number };
}

export interface PredictOptions {
  /** Also return the superpixel map, the graph and the vertex probabilities (`WeakPrediction.detail`). */
  detail?: boolean;
}

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

function toOriginal(prob: Float32Array, w: number, h: number, W: number, H: number): Float32Array {
  if (w === W && h === H) return prob;
  return resizeMap(new Tensor('float32', [h, w], prob), { width: W, height: H, mode: 'bilinear' }).data as Float32Array;
}

function threshold(prob: Float32Array, t: number): { mask: Uint8Array; ratio: number } {
  const mask = new Uint8Array(prob.length);
  let n = 0;
  for (let i = 0; i < prob.length; i++) if (prob[i] > t) { mask[i] = 1; n++; }
  return { mask, ratio: n / Math.max(1, prob.length) };
}

/** Planar [C, H, W] planes mirrored left-right (fx) and/or top-bottom (fy); its own inverse. */
function flip(planes: Float32Array, channels: number, width: number, height: number, fx: boolean, fy: boolean): Float32Array {
  if (!fx && !fy) return planes;
  const out = new Float32Array(planes.length);
  const n = width * height;
  for (let c = 0; c < channels; c++) {
    for (let y = 0; y < height; y++) {
      const sy = fy ? height - 1 - y : y;
      const src = c * n + sy * width; const dst = c * n + y * width;
      if (fx) for (let x = 0; x < width; x++) out[dst + x] = planes[src + width - 1 - x];
      else out.set(planes.subarray(src, src + width), dst);
    }
  }
  return out;
}

/** Runs a trained method-1 model: features, superpixels and GCN scores, pixel FCN, masks at the original size. */
export class WeakPredictor {
  private constructor(readonly model: WeakModel, private readonly gcn: Session | null, private readonly pixel: Session | null) {}

  static async create(model: WeakModel, createSession: SessionFactory): Promise<WeakPredictor> {
    const gcn = model.gcn ? await createSession(exportGcn((model.config.standardize === 'set+tile' ? 2 : 1) * model.vertexChannels, model.config.gcn, model.gcn), 'method 1 GCN') : null;
    const pixel = model.pixel ? await createSession(exportPixelFcn(BASE_CHANNELS, model.config.pixel, model.pixel), 'method 1 pixel FCN') : null;
    if (!gcn && !pixel) throw new Error('weak model has neither a GCN nor a pixel FCN');
    return new WeakPredictor(model, gcn, pixel);
  }

  async predict(image: ImageU8, options: PredictOptions = {}): Promise<WeakPrediction> {
    const { config } = this.model;
    const t0 = performance.now();
    const W = image.width; const H = image.height;
    // Step 1: working-scale features.
    const tile = prepareTile(image, config.scale, config.features);
    const t1 = performance.now();
    let t2 = t1; let t3 = t1;
    let superpixel: WeakPrediction['superpixel'];
    let detail: WeakPredictionDetail | undefined;
    // Step 2: superpixel decisions of the GCN.
    if (this.gcn) {
      const sp = tileSuperpixels(tile, config.superpixels);
      const vs = this.model.vertexStats;
      const stats = vs ? { mean: Float64Array.from(vs.mean), std: Float64Array.from(vs.std) } : null;
      const g = tileGraph(sp, stats, { sigmaFactor: config.sigmaFactor }, vertexTileStats(config.standardize, sp));
      t2 = performance.now();
      const E = g.rows.length;
      const indices = new BigInt64Array(2 * E);
      for (let k = 0; k < E; k++) { indices[k] = BigInt(g.rows[k]); indices[E + k] = BigInt(g.cols[k]); }
      const branch = config.gcn.fcn.enabled
        ? branchFeeds([branchInput(standardizedPixelInput(config.standardize, tile, null), tile.width, tile.height, sp.map, config.gcn.fcn.scale)], Int32Array.from([0, g.numVertices]), g.numVertices)
        : {};
      const out = await this.gcn.run({
        features: new Tensor('float32', [g.numVertices, g.channels], g.features),
        adj_indices: new Tensor('int64', [2, E], indices),
        adj_values: new Tensor('float32', [E], g.values),
        ...branch,
      });
      const logits = out.logits.data as Float32Array;
      const vp = Float32Array.from(logits, sigmoid);
      const prob = toOriginal(vertexToPixels(sp.map, vp), tile.width, tile.height, W, H);
      superpixel = { probability: prob, ...threshold(prob, this.model.thresholds.superpixel), segments: sp.map.count };
      if (options.detail) detail = predictionDetail(sp, g, vp, W, H);
      t3 = performance.now();
    }
    // Step 3: pixel-level refinement.
    let probability = superpixel?.probability;
    if (this.pixel && this.model.pixelStats) {
      const x = standardizedPixelInput(config.standardize, tile, this.model.pixelStats);
      const flips: [boolean, boolean][] = config.pixel.flips ? [[false, false], [true, false], [false, true], [true, true]] : [[false, false]];
      const sum = new Float32Array(tile.width * tile.height);
      for (const [fx, fy] of flips) {
        const out = await this.pixel.run({ image: new Tensor('float32', [1, BASE_CHANNELS, tile.height, tile.width], flip(x, BASE_CHANNELS, tile.width, tile.height, fx, fy)) });
        const p = flip(out.probability.data as Float32Array, 1, tile.width, tile.height, fx, fy);
        for (let i = 0; i < sum.length; i++) sum[i] += p[i] / flips.length;
      }
      probability = toOriginal(sum, tile.width, tile.height, W, H);
    }
    const t4 = performance.now();
    let { mask, ratio } = this.pixel ? threshold(probability!, this.model.thresholds.pixel) : superpixel!;
    if (this.pixel && config.fillHoles) {
      mask = fillHoles(mask, W, H);
      let n = 0;
      for (let i = 0; i < mask.length; i++) n += mask[i];
      ratio = n / Math.max(1, mask.length);
    }
    return { width: W, height: H, probability: probability!, mask, ratio, superpixel, ...(detail ? { detail } : {}), ms: { features: t1 - t0, superpixels: t2 - t1, gcn: t3 - t2, pixel: t4 - t3, total: performance.now() - t0 } };
  }

  async release(): Promise<void> {
    await this.gcn?.release();
    await this.pixel?.release();
  }
}
