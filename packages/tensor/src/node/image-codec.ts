import sharp, { type Metadata, type OutputInfo } from 'sharp';
import { createImage, ImageU8, toChannels, type Channels } from '../image';

/** Default pixel limit: 64 megapixels (8192 x 8192) stops decompression bombs before decoding. */
export const DEFAULT_MAX_PIXELS = 8192 * 8192;

export interface DecodeOptions {
  /** Names the input in errors (a file path, an upload's name). */
  label?: string;
  /** Refuse images with more pixels than this (checked from the header, before decoding). */
  maxPixels?: number;
  /** Force gray (1), RGB (3) or RGBA (4); default: 1 for gray, 3 for colour, 4 when there is alpha. */
  channels?: Channels;
}

/**
 * Decodes PNG, JPEG, WebP, GIF, TIFF, AVIF, SVG... (whatever sharp/libvips reads) to 8-bit HWC,
 * applying EXIF orientation and converting to sRGB; 16-bit inputs are scaled to 8 bits.
 */
export async function decodeImage(bytes: Uint8Array, options: DecodeOptions = {}): Promise<ImageU8> {
  const label = options.label ?? 'image';
  const maxPixels = options.maxPixels ?? DEFAULT_MAX_PIXELS;
  if (!(maxPixels > 0)) throw new Error(`${label}: maxPixels must be positive, got ${maxPixels}`);
  if (bytes.length === 0) throw new Error(`cannot decode ${label}: the input is empty`);
  // step 1: read the header only, so a bomb is refused before any pixel is allocated
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (e) {
    throw new Error(`cannot decode ${label}: ${(e as Error).message} (supported: ${supportedFormats()})`);
  }
  const w = meta.width ?? 0;
  const h = meta.height ?? 0;
  if (w * h > maxPixels) {
    throw new Error(`${label}: image is ${w}x${h} = ${w * h} pixels, above the limit of ${maxPixels} (raise maxPixels if it is trusted)`);
  }
  // step 2: decode with orientation applied, 8 bits per sample, sRGB unless the source is gray
  const gray = meta.channels !== undefined && meta.channels <= 2 && meta.space !== 'cmyk';
  let pipeline = sharp(bytes, { limitInputPixels: maxPixels, autoOrient: true, failOn: 'error' });
  pipeline = gray ? pipeline.toColourspace('b-w') : pipeline.toColourspace('srgb');
  let data: Buffer;
  let info: OutputInfo;
  try {
    ({ data, info } = await pipeline.raw({ depth: 'uchar' }).toBuffer({ resolveWithObject: true }));
  } catch (e) {
    throw new Error(`cannot decode ${label}: ${(e as Error).message}`);
  }
  // gray + alpha has no ImageU8 layout: expand it to RGBA
  let img: ImageU8;
  if (info.channels === 2) {
    const rgba = createImage(info.width, info.height, 4);
    for (let i = 0, n = info.width * info.height; i < n; i++) {
      rgba.data[4 * i] = rgba.data[4 * i + 1] = rgba.data[4 * i + 2] = data[2 * i];
      rgba.data[4 * i + 3] = data[2 * i + 1];
    }
    img = rgba;
  } else {
    img = createImage(info.width, info.height, info.channels, new Uint8Array(data.buffer, data.byteOffset, data.length));
  }
  return options.channels ? toChannels(img, options.channels) : img;
}

export type ImageFormat = 'png' | 'jpeg' | 'webp';

export interface EncodeOptions {
  /** JPEG/WebP quality 1..100 (default 90). */
  quality?: number;
}

/** Encodes an 8-bit image. PNG is lossless; JPEG drops alpha (it has none). */
export async function encodeImage(img: ImageU8, format: ImageFormat, options: EncodeOptions = {}): Promise<Uint8Array> {
  const quality = options.quality ?? 90;
  if (!Number.isInteger(quality) || quality < 1 || quality > 100) throw new Error(`quality must be an integer in 1..100, got ${quality}`);
  if (img.width === 0 || img.height === 0) throw new Error(`cannot encode an empty ${img.width}x${img.height} image`);
  const src = format === 'jpeg' && img.channels === 4 ? toChannels(img, 3) : img;
  let s = sharp(src.data, { raw: { width: src.width, height: src.height, channels: src.channels } });
  // without this libvips writes gray input as an RGB file
  if (src.channels === 1) s = s.toColourspace('b-w');
  let out: Buffer;
  switch (format) {
    case 'png': out = await s.png({ compressionLevel: 6 }).toBuffer(); break;
    case 'jpeg': out = await s.jpeg({ quality, chromaSubsampling: '4:4:4' }).toBuffer(); break;
    case 'webp': out = await s.webp({ quality }).toBuffer(); break;
    default: throw new Error(`unknown image format '${String(format)}'; expected png, jpeg or webp`);
  }
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
}

export const encodePng = (img: ImageU8): Promise<Uint8Array> => encodeImage(img, 'png');
export const encodeJpeg = (img: ImageU8, quality = 90): Promise<Uint8Array> => encodeImage(img, 'jpeg', { quality });

function supportedFormats(): string {
  return Object.values(sharp.format).filter((f) => f.input.buffer).map((f) => f.id).join(', ');
}
