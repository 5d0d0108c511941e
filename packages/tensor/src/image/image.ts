import { Tensor } from '../tensor';

/** Channel counts an 8-bit image may have: gray, RGB, RGBA. */
export type Channels = 1 | 3 | 4;

/**
 * An 8-bit image in HWC order (row-major, channels interleaved), like ImageData, sharp's raw
 * output and OpenCV's Mat: `data[(y * width + x) * channels + c]`.
 */
export interface ImageU8 {
  readonly width: number;
  readonly height: number;
  readonly channels: Channels;
  readonly data: Uint8Array;
}

/** Makes an image, checking sizes; `data` (shared, not copied) defaults to zeros. */
export function createImage(width: number, height: number, channels: number, data?: Uint8Array): ImageU8 {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 0 || height < 0) {
    throw new Error(`image size must be non-negative integers, got ${width}x${height}`);
  }
  if (channels !== 1 && channels !== 3 && channels !== 4) throw new Error(`image channels must be 1, 3 or 4, got ${channels}`);
  const size = width * height * channels;
  if (data && data.length !== size) {
    throw new Error(`image ${width}x${height}x${channels} needs ${size} bytes, got ${data.length}`);
  }
  return { width, height, channels, data: data ?? new Uint8Array(size) };
}

/** The image as a uint8 tensor [H, W, C] sharing its data. */
export function imageToTensor(img: ImageU8): Tensor<'uint8'> {
  return new Tensor('uint8', [img.height, img.width, img.channels], img.data);
}

/** An image view of a uint8 tensor [H, W, C] (C = 1, 3, 4) or [H, W] (gray), sharing its data. */
export function imageFromTensor(t: Tensor): ImageU8 {
  if (t.dtype !== 'uint8') throw new Error(`imageFromTensor: expected a uint8 tensor, got ${t.dtype}`);
  if (t.rank === 2) return createImage(t.dims[1], t.dims[0], 1, t.data as Uint8Array);
  if (t.rank === 3) return createImage(t.dims[1], t.dims[0], t.dims[2], t.data as Uint8Array);
  throw new Error(`imageFromTensor: expected shape [H, W, C] or [H, W], got [${t.dims.join(', ')}]`);
}

/** ITU-R BT.601 luma weights, as used by OpenCV's RGB2GRAY and libvips' b-w conversion. */
const LUMA = [0.299, 0.587, 0.114] as const;

/**
 * Converts between gray, RGB and RGBA: gray is replicated, colour goes to gray through BT.601
 * luma, alpha is dropped or added as 255. Returns the input itself when nothing changes.
 */
export function toChannels(img: ImageU8, channels: Channels): ImageU8 {
  const from = img.channels;
  if (from === channels) return img;
  const n = img.width * img.height;
  const out = createImage(img.width, img.height, channels);
  const s = img.data;
  const d = out.data;
  if (channels === 1) {
    for (let i = 0; i < n; i++) {
      const o = i * from;
      d[i] = Math.round(LUMA[0] * s[o] + LUMA[1] * s[o + 1] + LUMA[2] * s[o + 2]);
    }
  } else {
    for (let i = 0; i < n; i++) {
      const si = i * from;
      const di = i * channels;
      if (from === 1) { d[di] = s[si]; d[di + 1] = s[si]; d[di + 2] = s[si]; } else { d[di] = s[si]; d[di + 1] = s[si + 1]; d[di + 2] = s[si + 2]; }
      if (channels === 4) d[di + 3] = from === 4 ? s[si + 3] : 255;
    }
  }
  return out;
}
