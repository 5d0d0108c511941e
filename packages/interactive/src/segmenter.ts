import type { WeightSource } from '@seg/backbones';
import { serializeModel } from '@seg/onnx';
import type { Session } from '@seg/runtime';
import { LabelMap, slicImage } from '@seg/superpixels';
import { ImageU8, imageToNchw, resizeImage, resizeMap, Tensor, toChannels } from '@seg/tensor';
import { DualClassifier } from './classifier/dual-classifier';
import { CellProducts, engineProducts, scriptProducts } from './classifier/products';
import { LogisticRegression, SessionFactory } from './classifier/logistic-regression';
import { Click, validateClicks } from './clicks/click';
import { clickRows, denseRows, RowOptions } from './clicks/rows';
import { buildFeatureGraph } from './features/feature-graph';
import { FeatureGrid, standardizeChannels, toRows } from './features/feature-grid';
import { keepClickedComponents, keepClickedSuperpixels } from './refine/components';
import { graphCutSuperpixels } from './refine/graph-cut';
import { isSuperpixelGraph, regionMeans, superpixelGraph, SuperpixelGraph } from './refine/superpixel-graph';

/**
 * How the grid probabilities become a mask at image resolution:
 * - 'graphcut': a contrast-sensitive graph cut on SLIC superpixels with the clicked superpixels
 *   fixed (two classes; more classes fall back to 'superpixels');
 * - 'superpixels': every superpixel takes its mean probability (clicked superpixels fixed);
 * - 'none': the bilinearly up-sampled grid probabilities.
 */
export type RefineMode = 'graphcut' | 'superpixels' | 'none';

/**
 * Who fits the per-click logistic regression:
 * - 'dual': exact solution in the span of the training rows (Newton / majorise-minimise, float64, see classifier/dual-logistic.ts);
 * - 'engine': the engine's training-step graph with Adam (forward, autodiff backward and update as ONNX), a fixed number of steps.
 */
export type SolverKind = 'dual' | 'engine';

export const REFINE_MODES: readonly RefineMode[] = ['graphcut', 'superpixels', 'none'];
export const SOLVERS: readonly SolverKind[] = ['dual', 'engine'];

/**
 * Options of the segmenter. The training-row options (RowOptions) default here to: discRadius 0
 * (the clicked cell only: with the clicked superpixel fixed by the refinement, a disc measured no
 * better), borderWeight 1 for two classes and 0 for more (border cells stand in for the
 * background of positive-only clicks; with K labelled classes the border belongs to any of them),
 * borderStride 2, keepBorder true, balanceClasses true.
 */
export interface SegmenterOptions extends RowOptions {
  /** Feature backbone: 'resnet50v2' (needs weights), 'mobilenetv2' (needs weights) or 'filterbank'. */
  backbone: string;
  weights?: WeightSource;
  createSession: SessionFactory;
  /** Longest side of the image the features are computed on (the image is scaled down to it). */
  maxSide?: number;
  /** Stride of the feature grid (8: layer2's resolution). */
  gridStride?: number;
  /** The 'dual' solver starts from the previous click's coefficients (default false: measured slower for Newton). */
  warmStart?: boolean;
  /** Number of classes the clicks may carry (2: background 0 and object 1). */
  classes?: number;
  /** Classifier solver (default 'dual'). */
  solver?: SolverKind;
  /** λ on ‖W‖² added to the weighted-mean cross-entropy (default 0.1). */
  l2?: number;
  /** The 'dual' solver's bias feature value (default 10). */
  biasScale?: number;
  /** The 'dual' solver stops when no training logit moves by more than this (default 1e-3). */
  tolerance?: number;
  /** The 'dual' solver (two classes) also stops when a step lowers its objective by less than this fraction (default 1e-3). */
  relativeTolerance?: number;
  /**
   * Where the C-dimensional products run (the 'dual' solver's cell dot products, and both solvers'
   * dense pass over the grid): 'engine' = small ONNX graphs on the session factory (default),
   * 'script' = TypeScript loops.
   */
  products?: 'engine' | 'script';
  /**
   * The 'engine' solver's Adam steps per click (default 60) and learning rate (default 0.005: with
   * ~1800 standardised channels a larger step moves the logits by tens per update and the fit
   * oscillates; measured on GrabCut, 0.05 gave NoC@90 7.1 where 0.005 gave 5.8 on 10 images).
   */
  steps?: number;
  lr?: number;
  /** Refinement at image resolution (default 'graphcut'). */
  refine?: RefineMode;
  /** Number of SLIC superpixels for the refinement (default 4000). */
  superpixels?: number;
  /** SLIC compactness (default 10). */
  compactness?: number;
  /** Graph-cut smoothness per boundary pixel (default 32). */
  smoothness?: number;
  /** Graph-cut colour contrast σ in CIELAB units (default: from the image's mean contrast). */
  colorSigma?: number;
  /** Keep only object regions that contain a click of their class (default true). */
  components?: boolean;
}

export interface Prediction {
  /** Foreground probability at image resolution (two classes) or the winning class's probability. */
  probability: Float32Array;
  /** Class per pixel (0/1 for two classes). */
  mask: Uint8Array;
  width: number;
  height: number;
  /** Milliseconds: train (rows, Gram, solve), predict (grid), upsample (up-sampling and refinement), refine (part of upsample), total. */
  ms: { train: number; predict: number; upsample: number; refine: number; total: number };
  /** Training rows and solver iterations of this click ('dual' solver; Adam steps for 'engine'). */
  fit: { rows: number; iterations: number };
}

/** Per-pixel values from per-superpixel ones (two monomorphic loops: a generic one deoptimises). */
function paintLabels(labels: Int32Array, perRegion: Uint8Array): Uint8Array {
  const out = new Uint8Array(labels.length);
  for (let i = 0; i < labels.length; i++) out[i] = perRegion[labels[i]];
  return out;
}

function paintValues(labels: Int32Array, perRegion: Float32Array): Float32Array {
  const out = new Float32Array(labels.length);
  for (let i = 0; i < labels.length; i++) out[i] = perRegion[labels[i]];
  return out;
}

/**
 * Method 5, interactive few-shot segmentation: the image's backbone features (ResNet layer1–3
 * resized to one grid and concatenated) are computed once; every click adds labelled feature
 * vectors (the click projected onto the grid by x·w_feat/w_img, a disc of cells, and the image
 * border as stand-in background), an L2 logistic regression is fitted to them, it predicts every
 * grid cell, and the up-sampled probabilities are refined on SLIC superpixels by a graph cut with
 * the clicked superpixels fixed, keeping only the regions that contain a click.
 *
 * predict() takes the whole click list each time: removing a click is predicting without it, and
 * the result depends only on the list (the solver is exact; its warm start only saves time).
 */
export class InteractiveSegmenter {
  private readonly featureSessions = new Map<string, { session: Session; channels: number; grid: [number, number] }>();
  private classifier: LogisticRegression | null = null;
  private dual: DualClassifier | null = null;
  private cellProducts: CellProducts | null = null;
  private grid: FeatureGrid | null = null;
  private image: { width: number; height: number } | null = null;
  private superpixels: LabelMap | null = null;
  private graph: SuperpixelGraph | null = null;

  constructor(readonly options: SegmenterOptions) {
    const o = options;
    if (o.solver !== undefined && !SOLVERS.includes(o.solver)) throw new Error(`unknown solver '${o.solver}'; expected one of ${SOLVERS.join(', ')}`);
    if (o.refine !== undefined && !REFINE_MODES.includes(o.refine)) throw new Error(`unknown refine mode '${o.refine}'; expected one of ${REFINE_MODES.join(', ')}`);
    const classes = o.classes ?? 2;
    if (!Number.isInteger(classes) || classes < 2 || classes > 255) throw new Error(`classes must be an integer in 2..255, got ${o.classes}`);
    if (o.smoothness !== undefined && !(o.smoothness >= 0)) throw new Error(`smoothness must be >= 0, got ${o.smoothness}`);
    if (o.superpixels !== undefined && !(Number.isInteger(o.superpixels) && o.superpixels >= 1)) throw new Error(`superpixels must be a positive integer, got ${o.superpixels}`);
  }

  get classes(): number { return this.options.classes ?? 2; }

  /** Working size for an image: longest side at most maxSide, both sides multiples of the grid stride. */
  workingSize(width: number, height: number): [number, number] {
    const maxSide = this.options.maxSide ?? 512;
    const stride = this.options.gridStride ?? 8;
    const scale = Math.min(1, maxSide / Math.max(width, height));
    const snap = (v: number): number => Math.max(2 * stride, Math.round((v * scale) / (2 * stride)) * 2 * stride);
    return [snap(height), snap(width)];
  }

  /** Computes and caches the features of an image (and its superpixel graph when refining); returns the grid. */
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
    const graph = (this.options.refine ?? 'graphcut') === 'none' ? null : this.refinementFor(rgb);
    const input = imageToNchw(rgb.width === w && rgb.height === h ? rgb : resizeImage(rgb, { width: w, height: h }));
    const out = await fs.session.run({ image: input });
    const f = out.features;
    const [, c, gh, gw] = f.dims;
    return this.setFeatures(standardizeChannels({
      width: gw, height: gh, channels: c, data: toRows(f.data as Float32Array, c, gh, gw),
      imageWidth: rgb.width, imageHeight: rgb.height,
    }), graph);
  }

  /**
   * The superpixel graph the refinement uses for an image (SLIC with this segmenter's settings),
   * e.g. for a server to compute once and pass to setFeatures with cached features.
   */
  refinementFor(img: ImageU8): SuperpixelGraph {
    const rgb = img.channels === 3 ? img : toChannels(img, 3);
    const sp = slicImage(rgb, { segments: this.options.superpixels ?? 4000, compactness: this.options.compactness ?? 10 });
    return superpixelGraph(rgb.data, 3, sp);
  }

  /**
   * Uses features computed elsewhere (a cache, a server) for the next clicks. `refinement` is the
   * image's superpixel graph (refinementFor / currentRefinement), or a bare label map (then only
   * superpixel voting is possible, unless `image` is given to build the graph from), null for
   * none; undefined keeps the current one when it fits the image size.
   */
  async setFeatures(grid: FeatureGrid, refinement?: SuperpixelGraph | LabelMap | null, image?: ImageU8): Promise<FeatureGrid> {
    if (refinement !== undefined) {
      if (refinement === null) { this.superpixels = null; this.graph = null; } else if (isSuperpixelGraph(refinement)) {
        this.graph = refinement; this.superpixels = refinement.superpixels;
      } else {
        this.superpixels = refinement;
        this.graph = image ? superpixelGraph((image.channels === 3 ? image : toChannels(image, 3)).data, 3, refinement) : null;
      }
    }
    if (this.superpixels && (this.superpixels.width !== grid.imageWidth || this.superpixels.height !== grid.imageHeight)) {
      this.superpixels = null; this.graph = null;
    }
    const sameGrid = this.grid === grid;
    this.grid = grid;
    this.image = { width: grid.imageWidth, height: grid.imageHeight };
    // both solvers run their C-dimensional products (and the dense pass) through it
    this.cellProducts ??= this.options.products === 'script' ? scriptProducts() : engineProducts(this.options.createSession);
    if ((this.options.solver ?? 'dual') === 'dual') {
      // the same grid object again (a server replaying clicks) keeps the cached cell products
      if (sameGrid && this.dual) this.dual.reset();
      else {
        this.dual = new DualClassifier(grid, this.cellProducts, { classes: this.classes, l2: this.options.l2, biasScale: this.options.biasScale, tolerance: this.options.tolerance, relativeTolerance: this.options.relativeTolerance, warmStart: this.options.warmStart });
      }
    } else if (!this.classifier || this.classifier.channels !== grid.channels) {
      await this.classifier?.release();
      this.classifier = new LogisticRegression(this.options.createSession, { channels: grid.channels, classes: this.classes, l2: this.options.l2 ?? 0.1, steps: this.options.steps, lr: this.options.lr ?? 0.005 });
    } else {
      this.classifier.reset();
    }
    return this.grid;
  }

  /** Trains on the clicks and predicts the whole image. */
  async predict(clicks: readonly Click[]): Promise<Prediction> {
    if (!this.grid || !this.image) throw new Error('no image: call setImage() before predict()');
    const { width, height } = this.image;
    const K = this.classes;
    validateClicks(clicks, width, height, K);
    const t0 = performance.now();
    const grid = this.grid;
    const n = grid.width * grid.height;
    const background = this.options.backgroundLabel ?? 0;
    if (clicks.length === 0) {
      const t = performance.now() - t0;
      return { probability: new Float32Array(width * height), mask: new Uint8Array(width * height).fill(background), width, height, fit: { rows: 0, iterations: 0 }, ms: { train: 0, predict: 0, upsample: 0, refine: 0, total: t } };
    }
    // Step 1: training rows, fit.
    const rows = clickRows(grid, clicks, {
      discRadius: this.options.discRadius ?? 0, borderWeight: this.options.borderWeight ?? (K === 2 ? 1 : 0), borderStride: this.options.borderStride ?? 2,
      backgroundLabel: background, balanceClasses: this.options.balanceClasses ?? true, keepBorder: this.options.keepBorder,
    });
    let probs: Float32Array;
    let tTrain: number;
    let iterations = this.options.steps ?? 60;
    if (this.dual) {
      iterations = (await this.dual.fit(rows)).iterations;
      tTrain = performance.now();
      probs = await this.dual.predictGrid();
    } else {
      await this.classifier!.fit({ features: denseRows(grid, rows), labels: rows.labels, weights: rows.weights, count: rows.count });
      tTrain = performance.now();
      probs = await this.classifier!.predictGrid(grid, this.cellProducts!);
    }
    const t1 = performance.now();
    // Step 2: up-sample the class probabilities (the foreground only, for two classes).
    const planes = K === 2 ? 1 : K;
    const chw = new Float32Array(planes * n);
    for (let i = 0; i < n; i++) for (let k = 0; k < planes; k++) chw[k * n + i] = probs[i * K + (K === 2 ? 1 : k)];
    const up = resizeMap(new Tensor('float32', [planes, grid.height, grid.width], chw), { width, height, mode: 'bilinear' }).data as Float32Array;
    const tUp = performance.now();
    // Step 3: refine.
    const { mask, probability } = this.refine(up, planes, clicks, background);
    const t2 = performance.now();
    return {
      probability, mask, width, height, fit: { rows: rows.count, iterations },
      ms: { train: tTrain - t0, predict: t1 - tTrain, upsample: t2 - t1, refine: t2 - tUp, total: t2 - t0 },
    };
  }

  private refine(up: Float32Array, planes: number, clicks: readonly Click[], background: number): { mask: Uint8Array; probability: Float32Array } {
    const { width, height } = this.image!;
    const K = this.classes;
    const N = width * height;
    const mode = this.options.refine ?? 'graphcut';
    const components = this.options.components ?? true;
    const sp = this.superpixels;
    if (mode === 'none' || !sp) {
      // per-pixel decision
      const mask = new Uint8Array(N);
      const probability = new Float32Array(N);
      for (let i = 0; i < N; i++) {
        if (K === 2) { probability[i] = up[i]; mask[i] = up[i] > 0.5 ? 1 : 0; continue; }
        let best = 0;
        for (let k = 1; k < K; k++) if (up[k * N + i] > up[best * N + i]) best = k;
        mask[i] = best; probability[i] = up[best * N + i];
      }
      if (components) keepClickedComponents(mask, width, height, clicks, background);
      return { mask, probability };
    }
    // superpixel means of every plane, clicked superpixels fixed (the latest click wins)
    const S = sp.count;
    const means: Float32Array[] = [];
    for (let k = 0; k < planes; k++) means.push(regionMeans(sp, up.subarray(k * N, (k + 1) * N)));
    const clicked = clicks.map((c) => sp.labels[Math.round(c.y) * width + Math.round(c.x)]);
    const fixed = new Int8Array(S).fill(-1);
    clicks.forEach((c, i) => { fixed[clicked[i]] = c.label; });
    let labels: Uint8Array;
    let regionProb: Float32Array;
    if (K === 2 && mode === 'graphcut' && this.graph) {
      labels = graphCutSuperpixels(this.graph, means[0], fixed, { smoothness: this.options.smoothness ?? 32, colorSigma: this.options.colorSigma });
      regionProb = means[0];
    } else {
      labels = new Uint8Array(S);
      regionProb = new Float32Array(S);
      for (let s = 0; s < S; s++) {
        if (K === 2) { labels[s] = fixed[s] >= 0 ? fixed[s] : means[0][s] > 0.5 ? 1 : 0; regionProb[s] = means[0][s]; continue; }
        let best = 0;
        for (let k = 1; k < K; k++) if (means[k][s] > means[best][s]) best = k;
        labels[s] = fixed[s] >= 0 ? fixed[s] : best;
        regionProb[s] = means[labels[s]][s];
      }
    }
    if (components && this.graph) keepClickedSuperpixels(this.graph, labels, clicks, clicked, background);
    const mask = paintLabels(sp.labels, labels);
    if (components && !this.graph) keepClickedComponents(mask, width, height, clicks, background);
    return { mask, probability: paintValues(sp.labels, regionProb) };
  }

  /** Superpixels of the current image (when refining), e.g. to cache them with the features. */
  currentSuperpixels(): LabelMap | null { return this.superpixels; }

  /** The current image's superpixel graph (when refining), to cache with the features and pass back to setFeatures. */
  currentRefinement(): SuperpixelGraph | null { return this.graph; }

  async release(): Promise<void> {
    for (const f of this.featureSessions.values()) await f.session.release();
    this.featureSessions.clear();
    await this.classifier?.release();
    this.classifier = null;
    this.dual = null;
    await this.cellProducts?.release();
    this.cellProducts = null;
  }
}
