import { srgbToLab } from '@seg/superpixels';
import { createImage, ImageU8, resizeImage } from '@seg/tensor';
import { stainConcentrations } from '../color/stain-deconvolution';
import { gaussianBlur } from './gaussian-blur';

/** Options of the weights-free per-pixel features. */
export interface ColorFeatureOptions {
  /** σ (working-scale pixels) of the smoothed copies appended to the base channels; default [2, 4]. */
  blurSigmas?: number[];
}

/**
 * A tile prepared for method 1 at its working scale: the image, its Lab colour and stain planes,
 * and the per-pixel feature map that superpixel means are taken of.
 */
export interface WorkingTile {
  /** Working-scale RGB image. */
  image: ImageU8;
  width: number;
  height: number;
  /** Size of the original image (predictions are resized back to it). */
  originalWidth: number;
  originalHeight: number;
  /** Lab planar [3, H, W] (L in [0, 100]). */
  lab: Float32Array;
  /** Haematoxylin, eosin, DAB concentrations, planar [3, H, W]. */
  stains: Float32Array;
  /** Per-pixel features, planar [channels, H, W]. */
  features: Float32Array;
  channels: number;
}

/** Base channels of the colour features: L, a, b, haematoxylin, eosin. */
export const BASE_CHANNELS = 5;

/** Working size of an image at `scale` (at least 1 x 1). */
export function workingSize(width: number, height: number, scale: number): { width: number; height: number } {
  if (!(scale > 0 && scale <= 1)) throw new Error(`working scale must be in (0, 1], got ${scale}`);
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/**
 * The weights-free feature extractor of method 1 (a fixed FCN: colour transforms and Gaussian
 * filters): Lab colour and the haematoxylin/eosin concentrations of a colour deconvolution, plus
 * smoothed copies at each `blurSigmas` (methods.md: Lab plus two smoothed copies did as well as
 * ImageNet ResNet-50 features on these tiles). Channels = 5 × (1 + blurSigmas.length).
 */
export function prepareTile(img: ImageU8, scale: number, options: ColorFeatureOptions = {}): WorkingTile {
  if (img.channels !== 3 && img.channels !== 4) throw new Error(`method 1 needs an RGB image, got ${img.channels} channel(s)`);
  const rgb = img.channels === 4 ? dropAlpha(img) : img;
  const size = workingSize(img.width, img.height, scale);
  const image = size.width === img.width && size.height === img.height ? rgb : resizeImage(rgb, size);
  const { width, height } = image;
  const n = width * height;
  const lab = srgbToLab(image).data;
  const stains = stainConcentrations(image.data, width, height, 3);
  const base = new Float32Array(BASE_CHANNELS * n);
  base.set(lab, 0);
  base.set(stains.subarray(0, 2 * n), 3 * n);
  const sigmas = options.blurSigmas ?? [2, 4];
  const channels = BASE_CHANNELS * (1 + sigmas.length);
  const features = new Float32Array(channels * n);
  features.set(base, 0);
  sigmas.forEach((s, i) => features.set(gaussianBlur(base, BASE_CHANNELS, height, width, s), (i + 1) * BASE_CHANNELS * n));
  return { image, width, height, originalWidth: img.width, originalHeight: img.height, lab, stains, features, channels };
}

function dropAlpha(img: ImageU8): ImageU8 {
  const n = img.width * img.height;
  const out = new Uint8Array(3 * n);
  for (let p = 0; p < n; p++) { out[3 * p] = img.data[4 * p]; out[3 * p + 1] = img.data[4 * p + 1]; out[3 * p + 2] = img.data[4 * p + 2]; }
  return createImage(img.width, img.height, 3, out);
}
