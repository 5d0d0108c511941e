import { srgbToLabInterleaved } from '../color/srgb-to-lab';
import { downsampleImage, resizeLabelsNearest } from '../features/resize';
import { checkFeatureMap, FeatureMap, Image8, LabelMap } from '../types';
import { enforceConnectivityInPlace } from './connectivity';
import { runKMeans } from './kmeans';
import { ResolvedSlicOptions, resolveSlicOptions, SlicOptions } from './options';
import { placeSeeds, seedGrid } from './seeds';

/** Planar [C, H, W] to interleaved [H, W, C], so one pixel's features share a cache line. */
function interleave(features: FeatureMap, out: Float32Array): Float32Array {
  const { data, channels: c, width, height } = features;
  const n = width * height;
  for (let ch = 0; ch < c; ch++) {
    const plane = ch * n;
    for (let i = 0, p = ch; i < n; i++, p += c) {
      const v = data[plane + i];
      if (!Number.isFinite(v)) throw new Error(`slic: feature map has a non-finite value (${v}) at channel ${ch}, pixel ${i}`);
      out[p] = v;
    }
  }
  return out;
}

/**
 * SLIC superpixels (Achanta et al., "SLIC Superpixels Compared to State-of-the-art Superpixel
 * Methods", TPAMI 2012) on any float feature map [C, H, W]: Lab colour for images, or e.g. a
 * network's feature map. Returns labels 0..count-1; with connectivity enforcement (default) each
 * label is one 4-connected region.
 */
export function slic(features: FeatureMap, options: SlicOptions): LabelMap {
  checkFeatureMap(features);
  const o = resolveSlicOptions(options, features.width * features.height);
  const feat = interleave(features, o.workspace.featureBuffer(features.data.length));
  return slicInterleaved(feat, features.channels, features.width, features.height, o);
}

/** SLIC on interleaved [H, W, C] features (the layout the k-means reads). */
function slicInterleaved(feat: Float32Array, channels: number, width: number, height: number, o: ResolvedSlicOptions): LabelMap {
  const n = width * height;

  // Step 1: seeds on a grid of step S, moved off edges.
  const grid = seedGrid(width, height, o.segments);
  const count = grid.nx * grid.ny;
  const cx = new Float64Array(count);
  const cy = new Float64Array(count);
  const cf = new Float64Array(count * channels);
  placeSeeds(feat, channels, width, height, grid, o.perturbSeeds, cx, cy, cf);

  // Every pixel starts in its grid cell's cluster, so a pixel no window reaches still has a label.
  const labels = new Int32Array(n);
  const colCell = new Int32Array(width);
  for (let x = 0; x < width; x++) colCell[x] = Math.min(grid.nx - 1, Math.floor(x / grid.stepX));
  for (let y = 0; y < height; y++) {
    const row = Math.min(grid.ny - 1, Math.floor(y / grid.stepY)) * grid.nx;
    for (let x = 0; x < width; x++) labels[y * width + x] = row + colCell[x];
  }

  // Step 2: local k-means in the 2S x 2S windows.
  const s = Math.sqrt(grid.stepX * grid.stepY);
  const dist = o.workspace.distanceBuffer(n);
  runKMeans({
    feat, channels, width, height, cx, cy, cf, count, labels,
    radiusX: grid.stepX, radiusY: grid.stepY,
    spatialWeight: (o.compactness * o.compactness) / (s * s),
  }, o.iterations, o.subsample, { dist, coarse: (size) => o.workspace.coarseBuffer(size) });

  // Step 3: connectivity (which also renumbers labels to 0..K-1), its queue in the distance buffer.
  if (o.enforceConnectivity) {
    const queue = new Int32Array(dist.buffer, dist.byteOffset, n);
    const k = enforceConnectivityInPlace(labels, width, height, Math.floor(o.minSizeFactor * (n / count)), queue);
    return { labels, width, height, count: k };
  }
  return compactUsed(labels, width, height, count);
}

/** Renumbers the clusters that kept at least one pixel to 0..K-1 (no connectivity pass). */
function compactUsed(labels: Int32Array, width: number, height: number, count: number): LabelMap {
  const map = new Int32Array(count).fill(-1);
  let next = 0;
  for (let i = 0; i < labels.length; i++) {
    const k = labels[i];
    if (map[k] < 0) map[k] = next++;
    labels[i] = map[k];
  }
  return { labels, width, height, count: next };
}

/** Options of SLIC run on a coarser grid than the output. */
export interface CoarseSlicOptions extends SlicOptions {
  /** Run a connectivity pass at full resolution after up-sampling. Default false (see `slicCoarse`). */
  connectivityAfterUpsampling?: boolean;
}

/**
 * SLIC on a down-sampled feature map (e.g. a stride-4 FCN output, or an image shrunk to save
 * time), with the labels mapped back to `width` x `height` by nearest up-sampling. Nearest
 * up-sampling keeps each label 4-connected, so the optional full-resolution connectivity pass is
 * only needed when the output is smaller than the feature map in some axis.
 * `segments` counts superpixels of the output, as for `slic`.
 */
export function slicCoarse(features: FeatureMap, width: number, height: number, options: CoarseSlicOptions): LabelMap {
  checkFeatureMap(features);
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new Error(`slicCoarse: output size must be positive integers, got ${width}x${height}`);
  }
  const coarse = slic(features, { ...options, segments: Math.min(options.segments, features.width * features.height) });
  return upsampleCoarse(coarse, width, height, options);
}

/** Nearest up-sampling of coarse labels, plus the connectivity pass when asked or needed. */
function upsampleCoarse(coarse: LabelMap, width: number, height: number, options: CoarseSlicOptions): LabelMap {
  const up = resizeLabelsNearest(coarse, width, height);
  if (options.connectivityAfterUpsampling || width < coarse.width || height < coarse.height) {
    const minSize = Math.floor((options.minSizeFactor ?? 0.25) * ((width * height) / Math.max(1, options.segments)));
    const count = enforceConnectivityInPlace(up.labels, width, height, minSize);
    return { labels: up.labels, width, height, count };
  }
  return up;
}

/** Options of SLIC on an 8-bit image. */
export interface ImageSlicOptions extends CoarseSlicOptions {
  /**
   * Run SLIC on the image shrunk by this factor in (0, 1] (area averaging of the bytes, then Lab),
   * then up-sample the labels (nearest): ~1/scale^2 less work. Default 1 (full resolution).
   */
  scale?: number;
}

/** SLIC on an sRGB (or grey) 8-bit image in CIE Lab, the paper's setting. */
export function slicImage(image: Image8, options: ImageSlicOptions): LabelMap {
  const scale = options.scale ?? 1;
  if (!(Number.isFinite(scale) && scale > 0 && scale <= 1)) throw new Error(`slicImage: scale must be in (0, 1], got ${options.scale}`);
  if (scale === 1) {
    const o = resolveSlicOptions(options, image.width * image.height);
    const lab = srgbToLabInterleaved(image, o.workspace.featureBuffer(3 * image.width * image.height));
    return slicInterleaved(lab, 3, image.width, image.height, o);
  }
  // Shrink the bytes first (area average), so only the small image is converted to Lab.
  const w = Math.max(1, Math.round(image.width * scale));
  const h = Math.max(1, Math.round(image.height * scale));
  const small = downsampleImage(image, w, h);
  const o = resolveSlicOptions({ ...options, segments: Math.min(options.segments, w * h) }, w * h);
  const coarse = slicInterleaved(srgbToLabInterleaved(small, o.workspace.featureBuffer(3 * w * h)), 3, w, h, o);
  return upsampleCoarse(coarse, image.width, image.height, options);
}
