import { ImageU8, type Channels } from '../image';
import { imageFromImageData } from './image-data';

type Canvas2D = OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;

export interface SourceOptions {
  /** 4 (RGBA, default), 3 (alpha dropped) or 1 (gray). */
  channels?: Channels;
  /** Names the source in errors. */
  label?: string;
}

export interface DecodeBytesOptions extends SourceOptions {
  /** Refuse images with more pixels than this (default 64 megapixels). */
  maxPixels?: number;
}

/** A 2D context of the given size: OffscreenCanvas when available (workers too), else a DOM canvas. */
function context2d(width: number, height: number): Canvas2D {
  if (typeof OffscreenCanvas !== 'undefined') {
    const ctx = new OffscreenCanvas(width, height).getContext('2d', { willReadFrequently: true });
    if (ctx) return ctx;
  }
  if (typeof document !== 'undefined') {
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (ctx) return ctx;
  }
  throw new Error('no 2D canvas available (needs OffscreenCanvas or a document)');
}

function sizeOf(source: CanvasImageSource): [number, number] {
  const s = source as Partial<HTMLImageElement & HTMLVideoElement & VideoFrame & { width: number; height: number }>;
  if (typeof HTMLImageElement !== 'undefined' && source instanceof HTMLImageElement) return [s.naturalWidth ?? 0, s.naturalHeight ?? 0];
  if (typeof HTMLVideoElement !== 'undefined' && source instanceof HTMLVideoElement) return [s.videoWidth ?? 0, s.videoHeight ?? 0];
  if (typeof s.displayWidth === 'number') return [s.displayWidth, s.displayHeight ?? 0];
  return [Number(s.width ?? 0), Number(s.height ?? 0)];
}

/**
 * Reads the pixels of an <img> (after it has loaded), ImageBitmap, canvas, OffscreenCanvas, video
 * frame... by drawing it on a canvas. Canvases store premultiplied alpha, so semi-transparent pixels
 * may come back slightly changed; opaque pixels are exact.
 */
export function imageFromSource(source: CanvasImageSource, options: SourceOptions = {}): ImageU8 {
  const [w, h] = sizeOf(source);
  if (!(w > 0 && h > 0)) throw new Error(`${options.label ?? 'image source'} has no pixels (${w}x${h}); wait for it to load (await img.decode())`);
  const ctx = context2d(w, h);
  ctx.drawImage(source, 0, 0);
  return imageFromImageData(ctx.getImageData(0, 0, w, h), options.channels ?? 4);
}

/**
 * Decodes encoded bytes (PNG, JPEG, WebP, GIF... whatever the browser reads) with
 * createImageBitmap, applying EXIF orientation and no colour-space conversion.
 */
export async function decodeImageBytes(bytes: Uint8Array | Blob, options: DecodeBytesOptions = {}): Promise<ImageU8> {
  const label = options.label ?? 'image';
  const blob = bytes instanceof Blob ? bytes : new Blob([bytes as Uint8Array<ArrayBuffer>]);
  if (blob.size === 0) throw new Error(`cannot decode ${label}: the input is empty`);
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(blob, { imageOrientation: 'from-image', premultiplyAlpha: 'none', colorSpaceConversion: 'none' });
  } catch (e) {
    throw new Error(`cannot decode ${label}: ${(e as Error).message}`);
  }
  try {
    const maxPixels = options.maxPixels ?? 8192 * 8192;
    if (bitmap.width * bitmap.height > maxPixels) {
      throw new Error(`${label}: image is ${bitmap.width}x${bitmap.height} = ${bitmap.width * bitmap.height} pixels, above the limit of ${maxPixels}`);
    }
    return imageFromSource(bitmap, { ...options, label });
  } finally {
    bitmap.close();
  }
}

/** Fetches and decodes an image URL (same rules as decodeImageBytes); errors name the URL. */
export async function loadImage(url: string, options: DecodeBytesOptions = {}): Promise<ImageU8> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`cannot load image ${url}: HTTP ${res.status}`);
  return decodeImageBytes(await res.blob(), { ...options, label: options.label ?? url });
}
