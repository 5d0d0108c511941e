import type { WeightSource } from '@seg/backbones';
import { serializeModel } from '@seg/onnx';
import type { Session } from '@seg/runtime';
import { ImageU8, imageToNchw, resizeImage, resizeMap, Tensor, toChannels } from '@seg/tensor';
import { LogisticRegression, SessionFactory } from './classifier/logistic-regression';
import { Click, validateClicks } from './clicks/click';
import { clickSamples, SampleOptions } from './clicks/sample';
import { buildFeatureGraph } from './features/feature-graph';
import { FeatureGrid, standardizeChannels, toRows } from './features/feature-grid';
import { LabelMap, slicImage } from '@seg/superpixels';
import { superpixelVote } from './refine/superpixel-vote';

export interface SegmenterOptions extends SampleOptions {
  /** Feature backbone: 'resnet50v2' (needs weights), 'mobilenetv2' (needs weights) or 'filterbank'. */
  backbone: string;
  weights?: WeightSource;
  createSession: SessionFactory;
  /** Longest side of the image the features are computed on (the image is scaled down to it). */
  maxSide?: number;
  /** Stride of the feature grid (8: layer2's resolution). */
  gridStride?: number;
  l2?: number;
  steps?: number;
  lr?: number;
  /**
   * Edge-aware refinement: 'superpixels' averages the probability inside SLIC superpixels of the
   * image (computed once per image); 'none' keeps the up-sampled grid probabilities.
   */
  refine?: 'superpixels' | 'none';
  /** Number of SLIC superpixels for the refinement (default 1000). */
  superpixels?: number;
}

export interface Prediction {
  /** Foreground probability at image resolution (two classes) or the winning class's probability. */
  probability: Float32Array;
  /** Class per pixel (0/1 for two classes). */
  mask: Uint8Array;
  width: number;
  height: number;
  ms: { train: number; predict: number; upsample: number; total: number };
}

/**
 * Method 5, interactive few-shot segmentation: the image's backbone features (ResNet layer1–3
 * resized to one grid and concatenated) are computed once; every click adds labelled feature
 * vectors (the click projected onto the grid by x·w_feat/w_img), a logistic regression is trained
 * on them by the engine, and it predicts every grid cell, up-sampled to the image.
 */
export class InteractiveSegmenter {
  private readonly featureSessions = new Map<string, { session: Session; channels: number; grid: [number, number] }>();
  private classifier: LogisticRegression | null = null;
  private grid: FeatureGrid | null = null;
  private image: { width: number; height: number } | null = null;
  private superpixels: LabelMap | null = null;

  constructor(readonly options: SegmenterOptions) {}

  /** Working size for an image: longest side at most maxSide, both sides multiples of the grid stride. */
  workingSize(width: number, height: number): [number, number] {
    const maxSide = this.options.maxSide ?? 512;
    const stride = this.options.gridStride ?? 8;
    const scale = Math.min(1, maxSide / Math.max(width, height));
    const snap = (v: number): number => Math.max(2 * stride, Math.round((v * scale) / (2 * stride)) * 2 * stride);
    return [snap(height), snap(width)];
  }

  /** Computes and caches the features of an image; returns their grid. */
  async setImage(img: ImageU8): Promise<FeatureGrid> {
    const rgb = img.channels === 3 ? img : toChannels(img, 3);
    const [h, w] = this.workingSize(rgb.width, rgb.height);
    const key = `${h}x${w}`;
    let fs = this.featureSessions.get(key);
    if (!fs) {
      const g = buildFeatureGraph({ backbone: this.options.backbone, weights: this.options.weights, imageSize: [h, w], gridStride: this.options.gridStride });
      const session = await this.options.createSession(serializeModel(g.builder), `${this.options.backbone} features ${key}`);
      fs = { session, channels: g.channels, grid: g.grid };
      this.featureSessions.set(key, fs);
    }
    this.superpixels = (this.options.refine ?? 'superpixels') === 'superpixels'
      ? slicImage(rgb, { segments: this.options.superpixels ?? 1000, compactness: 10 })
      : null;
    const input = imageToNchw(rgb.width === w && rgb.height === h ? rgb : resizeImage(rgb, { width: w, height: h }));
    const out = await fs.session.run({ image: input });
    const f = out.features;
    const [, c, gh, gw] = f.dims;
    return this.setFeatures(standardizeChannels({
      width: gw, height: gh, channels: c, data: toRows(f.data as Float32Array, c, gh, gw),
      imageWidth: rgb.width, imageHeight: rgb.height,
    }));
  }

  /** Uses features computed elsewhere (a cache, a server) for the next clicks; superpixels too when refining. */
  async setFeatures(grid: FeatureGrid, superpixels?: LabelMap | null): Promise<FeatureGrid> {
    if (superpixels !== undefined) this.superpixels = superpixels;
    if (this.superpixels && (this.superpixels.width !== grid.imageWidth || this.superpixels.height !== grid.imageHeight)) this.superpixels = null;
    const c = grid.channels;
    this.grid = grid;
    this.image = { width: grid.imageWidth, height: grid.imageHeight };
    if (!this.classifier || this.classifier.channels !== c) {
      await this.classifier?.release();
      this.classifier = new LogisticRegression(this.options.createSession, { channels: c, classes: 2, l2: this.options.l2, steps: this.options.steps, lr: this.options.lr });
    } else {
      this.classifier.reset();
    }
    return this.grid;
  }

  /** Trains on the clicks (warm-started) and predicts the whole image. */
  async predict(clicks: readonly Click[]): Promise<Prediction> {
    if (!this.grid || !this.image || !this.classifier) throw new Error('no image: call setImage() before predict()');
    const { width, height } = this.image;
    validateClicks(clicks, width, height, 2);
    const t0 = performance.now();
    const grid = this.grid;
    const n = grid.width * grid.height;
    let fg: Float32Array;
    let tTrain = t0;
    if (clicks.length === 0) {
      fg = new Float32Array(n);
    } else {
      const set = clickSamples(grid, clicks, { discRadius: this.options.discRadius ?? 1, borderWeight: this.options.borderWeight ?? 1 });
      await this.classifier.fit(set);
      tTrain = performance.now();
      const probs = this.classifier.predict(grid.data, n);
      fg = new Float32Array(n);
      for (let i = 0; i < n; i++) fg[i] = probs[i * 2 + 1];
    }
    const t1 = performance.now();
    const up = resizeMap(new Tensor('float32', [grid.height, grid.width], fg), { width, height, mode: 'bilinear' });
    const raw = up.data as Float32Array;
    const probability = this.superpixels && clicks.length ? superpixelVote(raw, this.superpixels) : raw;
    const mask = new Uint8Array(width * height);
    for (let i = 0; i < mask.length; i++) mask[i] = probability[i] > 0.5 ? 1 : 0;
    const t2 = performance.now();
    return { probability, mask, width, height, ms: { train: tTrain - t0, predict: t1 - tTrain, upsample: t2 - t1, total: t2 - t0 } };
  }

  /** Superpixels of the current image (when refining), e.g. to cache them with the features. */
  currentSuperpixels(): LabelMap | null { return this.superpixels; }

  async release(): Promise<void> {
    for (const f of this.featureSessions.values()) await f.session.release();
    this.featureSessions.clear();
    await this.classifier?.release();
    this.classifier = null;
  }
}
