import type { ColorFeatureOptions } from '../features/pixel-features';
import type { GcnModelOptions } from '../gcn/gcn-model';
import type { PixelFcnOptions } from '../pixel/pixel-fcn';

/**
 * What a method-1 model is trained from:
 * - 'ratio': the area ratio of each image (the method);
 * - 'mask': full masks (the upper bound of the same model);
 * - 'size': Kervadec et al. 2019's size-constraint loss on pixel predictions (a baseline).
 */
export type Supervision = 'ratio' | 'mask' | 'size';

export type Standardize = 'otsu' | 'tile' | 'set+tile';

export interface WeakConfig {
  supervision: Supervision;
  /**
   * Working scale of the tiles. Full scale (default): the pixel FCN then draws the outlines of
   * 15–30 px nuclei at their own resolution (half scale measured Dice 0.745 against 0.756).
   */
  scale: number;
  features: Required<ColorFeatureOptions>;
  superpixels: { segments: number; compactness: number };
  /**
   * How inputs are standardised: 'otsu' centres each tile's channels between the two classes of
   * an Otsu split of its haematoxylin and scales them by the within-class spread (adapts to each
   * slide's staining as Otsu's threshold does; see features/otsu-normalize.ts); 'tile' z-scores
   * each tile by its own statistics; 'set+tile' adds z-scores by the training set's statistics
   * (absolute colour) beside the tile z-scores for the GCN and uses the set's statistics for the
   * pixel FCN.
   */
  standardize: Standardize;
  /** σ of the edge kernel = sigmaFactor × median edge distance. */
  sigmaFactor: number;
  /** Cold-start prior of the first epoch's pseudo-labels (see prior/cold-start.ts). */
  prior: string;
  /** Estimated error e of the ratios when a row gives none. */
  error: number;
  areaWeighted: boolean;
  gcn: GcnModelOptions & { epochs: number; stepsPerEpoch: number; lr: number; weightDecay: number; fcn: { enabled: boolean; width: number; scale: number } };
  pixel: PixelFcnOptions & {
    /** Train the pixel FCN (pixel-level refinement); without it masks come from the superpixel decisions. */
    enabled: boolean;
    /** Steps of the first round (on the vertex pseudo-labels painted onto pixels). */
    steps: number;
    /** Self-training rounds after the first: pixel pseudo-labels re-drawn from the FCN's own probabilities and the ratio. */
    rounds: number;
    roundSteps: number;
    batch: number;
    crop: number;
    lr: number;
    /** λ of the size penalty ('size' supervision). */
    sizeWeight: number;
    /** Fraction of each class's expected area used as seeds of the size-loss baseline. */
    seedFraction: number;
    /** Pixels within this distance of the other class's pseudo-labels are ignored (outlines are where superpixel labels err). */
    ignoreBoundary: number;
    /**
     * What ranks the pixels for the first round's ratio pseudo-labels: 'gcn' paints the GCN's
     * vertex labels on the pixels; 'prior' ranks the pixels by the cold-start prior smoothed by
     * `priorSigma`; 'gcn+prior' by the mean of the two rankings (per-tile quantiles), so the
     * graph decides which regions and the pixel prior where their outlines run.
     */
    labelSource: 'gcn' | 'prior' | 'gcn+prior';
    priorSigma: number;
    /** Weight of the GCN's ranking against the prior's (1) in 'gcn+prior'. */
    gcnWeight: number;
    /** Test-time augmentation: average the FCN's probabilities over the four flips of the image. */
    flips: boolean;
    /** Training augmentation of the crops: flips/transposes and a per-channel affine jitter of ± `jitter`. */
    augment: boolean;
    jitter: number;
  };
  /** Foreground when the probability exceeds this (unless calibrated). */
  threshold: number;
  /** Choose the thresholds that best reproduce the training ratios (see calibrate-threshold.ts). */
  calibrate: boolean;
  /** Fill the holes of the pixel FCN's mask (nuclei are solid); calibration measures the filled masks. */
  fillHoles: boolean;
  seed: number;
}

export const DEFAULT_CONFIG: WeakConfig = {
  supervision: 'ratio',
  scale: 1,
  features: { blurSigmas: [2, 4] },
  superpixels: { segments: 4000, compactness: 10 },
  standardize: 'otsu',
  sigmaFactor: 0.5,
  prior: 'haematoxylin',
  error: 0.05,
  areaWeighted: true,
  gcn: { hidden: [32, 32], activation: 'relu', epochs: 20, stepsPerEpoch: 3, lr: 0.01, weightDecay: 0, seed: 0, fcn: { enabled: false, width: 8, scale: 0.5 } },
  pixel: {
    enabled: true, width: 16, dilations: [1, 2, 4, 8], steps: 300, rounds: 1, roundSteps: 150, batch: 8, crop: 96, lr: 5e-3,
    sizeWeight: 0.01, seedFraction: 0.5, ignoreBoundary: 0, labelSource: 'gcn+prior', priorSigma: 1, gcnWeight: 0.5, flips: false, augment: false, jitter: 0.1,
  },
  threshold: 0.5,
  calibrate: true,
  fillHoles: true,
  seed: 0,
};

type DeepPartial<T> = { [K in keyof T]?: T[K] extends (infer U)[] ? U[] : T[K] extends object ? DeepPartial<T[K]> : T[K] };
export type WeakConfigInput = DeepPartial<WeakConfig>;

/** Defaults filled in (one level of nesting) and the values checked, with errors naming the field. */
export function resolveConfig(input: WeakConfigInput = {}): WeakConfig {
  const d = DEFAULT_CONFIG;
  const c: WeakConfig = {
    ...d, ...input,
    features: { ...d.features, ...input.features } as WeakConfig['features'],
    superpixels: { ...d.superpixels, ...input.superpixels },
    gcn: { ...d.gcn, ...input.gcn, fcn: { ...d.gcn.fcn, ...input.gcn?.fcn } } as WeakConfig['gcn'],
    pixel: { ...d.pixel, ...input.pixel } as WeakConfig['pixel'],
  };
  const check = (ok: boolean, what: string, v: unknown): void => { if (!ok) throw new Error(`weak config: ${what}, got ${JSON.stringify(v)}`); };
  check(['ratio', 'mask', 'size'].includes(c.supervision), "supervision must be 'ratio', 'mask' or 'size'", c.supervision);
  check(c.scale > 0 && c.scale <= 1, 'scale must be in (0, 1]', c.scale);
  check(Number.isInteger(c.superpixels.segments) && c.superpixels.segments >= 2, 'superpixels.segments must be an integer >= 2', c.superpixels.segments);
  check(c.superpixels.compactness > 0, 'superpixels.compactness must be > 0', c.superpixels.compactness);
  check(['otsu', 'tile', 'set+tile'].includes(c.standardize), "standardize must be 'otsu', 'tile' or 'set+tile'", c.standardize);
  check(c.sigmaFactor > 0, 'sigmaFactor must be > 0', c.sigmaFactor);
  check(c.error >= 0 && c.error <= 0.5, 'error must be in [0, 0.5]', c.error);
  check(Number.isInteger(c.gcn.epochs) && c.gcn.epochs >= 1, 'gcn.epochs must be an integer >= 1', c.gcn.epochs);
  check(Number.isInteger(c.gcn.stepsPerEpoch) && c.gcn.stepsPerEpoch >= 1, 'gcn.stepsPerEpoch must be an integer >= 1', c.gcn.stepsPerEpoch);
  check(c.gcn.lr > 0, 'gcn.lr must be > 0', c.gcn.lr);
  check(Number.isInteger(c.gcn.fcn.width) && c.gcn.fcn.width >= 1, 'gcn.fcn.width must be a positive integer', c.gcn.fcn.width);
  check(c.gcn.fcn.scale > 0 && c.gcn.fcn.scale <= 1, 'gcn.fcn.scale must be in (0, 1]', c.gcn.fcn.scale);
  check(Number.isInteger(c.pixel.steps) && c.pixel.steps >= 0, 'pixel.steps must be an integer >= 0', c.pixel.steps);
  check(Number.isInteger(c.pixel.rounds) && c.pixel.rounds >= 0, 'pixel.rounds must be an integer >= 0', c.pixel.rounds);
  check(Number.isInteger(c.pixel.crop) && c.pixel.crop >= 8, 'pixel.crop must be an integer >= 8', c.pixel.crop);
  check(Number.isInteger(c.pixel.batch) && c.pixel.batch >= 1, 'pixel.batch must be an integer >= 1', c.pixel.batch);
  check(c.pixel.seedFraction > 0 && c.pixel.seedFraction <= 1, 'pixel.seedFraction must be in (0, 1]', c.pixel.seedFraction);
  check(Number.isInteger(c.pixel.ignoreBoundary) && c.pixel.ignoreBoundary >= 0, 'pixel.ignoreBoundary must be an integer >= 0', c.pixel.ignoreBoundary);
  check(['gcn', 'prior', 'gcn+prior'].includes(c.pixel.labelSource), "pixel.labelSource must be 'gcn', 'prior' or 'gcn+prior'", c.pixel.labelSource);
  check(c.pixel.gcnWeight >= 0, 'pixel.gcnWeight must be >= 0', c.pixel.gcnWeight);
  check(c.pixel.priorSigma >= 0, 'pixel.priorSigma must be >= 0', c.pixel.priorSigma);
  check(c.threshold > 0 && c.threshold < 1, 'threshold must be in (0, 1)', c.threshold);
  check(c.supervision !== 'size' || c.pixel.enabled, "'size' supervision trains the pixel FCN; pixel.enabled must be true", c.pixel.enabled);
  return c;
}
