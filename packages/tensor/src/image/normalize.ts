import { Tensor } from '../tensor';
import { createImage, ImageU8 } from './image';

/** Per-channel RGB mean and std of ImageNet, on the [0, 1] scale (torchvision's convention). */
export const IMAGENET_MEAN: readonly number[] = [0.485, 0.456, 0.406];
export const IMAGENET_STD: readonly number[] = [0.229, 0.224, 0.225];

export interface NormalizeOptions {
  /** Per-channel mean subtracted after scaling (one value, or one per channel). Default 0. */
  mean?: readonly number[];
  /** Per-channel std divided by after subtracting the mean. Default 1. */
  std?: readonly number[];
  /** Multiplier applied to the 0..255 bytes first. Default 1/255 (bytes to [0, 1]). */
  scale?: number;
}

function perChannel(name: string, v: readonly number[] | undefined, fallback: number, channels: number): Float64Array {
  const out = new Float64Array(channels).fill(fallback);
  if (!v) return out;
  if (v.length !== 1 && v.length !== channels) throw new Error(`${name} has ${v.length} values for a ${channels}-channel image; give 1 or ${channels}`);
  for (let c = 0; c < channels; c++) out[c] = v.length === 1 ? v[0] : v[c];
  if (name === 'std' && out.some((s) => s === 0 || !Number.isFinite(s))) throw new Error(`std must be finite and non-zero, got [${v.join(', ')}]`);
  return out;
}

/**
 * HWC bytes to a normalised float32 NCHW tensor [N, C, H, W]: `(byte * scale - mean[c]) / std[c]`.
 * Several images (same size and channels) become one batch.
 */
export function imageToNchw(images: ImageU8 | readonly ImageU8[], options: NormalizeOptions = {}): Tensor<'float32'> {
  const list = Array.isArray(images) ? (images as readonly ImageU8[]) : [images as ImageU8];
  if (list.length === 0) throw new Error('imageToNchw: no images');
  const { width: W, height: H, channels: C } = list[0];
  for (const [i, im] of list.entries()) {
    if (im.width !== W || im.height !== H || im.channels !== C) {
      throw new Error(`imageToNchw: image ${i} is ${im.width}x${im.height}x${im.channels}, image 0 is ${W}x${H}x${C}; batch images must match`);
    }
  }
  const scale = options.scale ?? 1 / 255;
  const mean = perChannel('mean', options.mean, 0, C);
  const std = perChannel('std', options.std, 1, C);
  const out = new Tensor('float32', [list.length, C, H, W]);
  const d = out.data;
  const plane = H * W;
  // a 256-entry table per channel: one lookup per byte instead of a multiply-subtract-divide
  const lut = new Float32Array(256 * C);
  for (let c = 0; c < C; c++) for (let v = 0; v < 256; v++) lut[c * 256 + v] = (v * scale - mean[c]) / std[c];
  list.forEach((im, n) => {
    const s = im.data;
    for (let c = 0; c < C; c++) {
      const base = (n * C + c) * plane;
      const t = c * 256;
      for (let i = 0, j = c; i < plane; i++, j += C) d[base + i] = lut[t + s[j]];
    }
  });
  return out;
}

/**
 * The inverse of imageToNchw for one image: NCHW [1, C, H, W] or CHW [C, H, W] float to bytes,
 * `round((x * std + mean) / scale)` clamped to 0..255.
 */
export function nchwToImage(t: Tensor, options: NormalizeOptions = {}): ImageU8 {
  if (t.dtype !== 'float32' && t.dtype !== 'float64') throw new Error(`nchwToImage: expected a float tensor, got ${t.dtype}`);
  const dims = t.rank === 4 ? t.dims : t.rank === 3 ? [1, ...t.dims] : null;
  if (!dims || dims[0] !== 1) throw new Error(`nchwToImage: expected shape [1, C, H, W] or [C, H, W], got [${t.dims.join(', ')}]`);
  const [, C, H, W] = dims;
  const img = createImage(W, H, C);
  const scale = options.scale ?? 1 / 255;
  const mean = perChannel('mean', options.mean, 0, C);
  const std = perChannel('std', options.std, 1, C);
  const s = t.data as Float32Array;
  const d = img.data;
  const plane = H * W;
  for (let c = 0; c < C; c++) {
    for (let i = 0, j = c; i < plane; i++, j += C) {
      const v = Math.round((s[c * plane + i] * std[c] + mean[c]) / scale);
      d[j] = v < 0 ? 0 : v > 255 ? 255 : v; // NaN becomes 0 through the Uint8Array store
    }
  }
  return img;
}
