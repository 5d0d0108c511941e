import { createImage, ImageU8, toChannels, type Channels } from '../image';

/** Anything shaped like ImageData: RGBA bytes, row-major. */
export interface ImageDataLike {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8ClampedArray | Uint8Array;
}

/** An image from ImageData (RGBA); `channels` 3 drops alpha, 1 converts to gray. Copies the bytes. */
export function imageFromImageData(d: ImageDataLike, channels: Channels = 4): ImageU8 {
  if (d.data.length !== d.width * d.height * 4) {
    throw new Error(`ImageData ${d.width}x${d.height} needs ${d.width * d.height * 4} RGBA bytes, got ${d.data.length}`);
  }
  const rgba = createImage(d.width, d.height, 4, new Uint8Array(d.data));
  return toChannels(rgba, channels);
}

/** RGBA bytes for ImageData (gray is replicated, alpha 255 is added when missing). */
export function imageToRgba(img: ImageU8): Uint8ClampedArray {
  const rgba = toChannels(img, 4);
  return new Uint8ClampedArray(rgba.data.buffer, rgba.data.byteOffset, rgba.data.length);
}

/** The image as ImageData, ready for CanvasRenderingContext2D.putImageData. Browser (or worker) only. */
export function imageToImageData(img: ImageU8): ImageData {
  if (typeof ImageData === 'undefined') throw new Error('imageToImageData needs the ImageData class of a browser or worker');
  const rgba = imageToRgba(img);
  // ImageData wants a Uint8ClampedArray over a plain ArrayBuffer; copy when toChannels returned a shared view
  const own = rgba.byteOffset === 0 && rgba.buffer.byteLength === rgba.length && rgba.buffer instanceof ArrayBuffer ? rgba : new Uint8ClampedArray(rgba);
  return new ImageData(own as Uint8ClampedArray<ArrayBuffer>, img.width, img.height);
}
