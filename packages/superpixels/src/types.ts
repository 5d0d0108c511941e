/**
 * Plain typed-array containers shared by every superpixel function, so that the package runs the
 * same in node and the browser and callers can wrap their own buffers without copying.
 */

/** An 8-bit image, row-major, channels interleaved (HWC): 1 = grey, 3 = RGB, 4 = RGBA (ImageData). */
export interface Image8 {
  data: Uint8Array | Uint8ClampedArray;
  width: number;
  height: number;
  channels: 1 | 3 | 4;
}

/** A float feature map in planar layout [C, H, W] (the layout of an NCHW network output with N = 1). */
export interface FeatureMap {
  data: Float32Array;
  channels: number;
  height: number;
  width: number;
}

/** A superpixel label map: one label per pixel, row-major, labels 0..count-1 with none unused. */
export interface LabelMap {
  labels: Int32Array;
  width: number;
  height: number;
  count: number;
}

/** Any integer label map (e.g. a human segmentation read from a PNG); values need not be contiguous. */
export type IntegerLabels = Int32Array | Uint32Array | Uint16Array | Uint8Array | Int16Array | Uint8ClampedArray;

export function checkImage8(image: Image8, what = 'image'): void {
  const { width, height, channels, data } = image;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new Error(`${what}: width and height must be positive integers, got ${width}x${height}`);
  }
  if (channels !== 1 && channels !== 3 && channels !== 4) throw new Error(`${what}: channels must be 1, 3 or 4, got ${channels}`);
  if (data.length !== width * height * channels) {
    throw new Error(`${what}: data has ${data.length} values, expected ${width}x${height}x${channels} = ${width * height * channels}`);
  }
}

export function checkFeatureMap(features: FeatureMap, what = 'feature map'): void {
  const { width, height, channels, data } = features;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new Error(`${what}: width and height must be positive integers, got ${width}x${height}`);
  }
  if (!Number.isInteger(channels) || channels < 1) throw new Error(`${what}: channels must be a positive integer, got ${channels}`);
  if (!(data instanceof Float32Array)) throw new Error(`${what}: data must be a Float32Array, got ${(data as object)?.constructor?.name}`);
  if (data.length !== channels * height * width) {
    throw new Error(`${what}: data has ${data.length} values, expected [${channels}, ${height}, ${width}] = ${channels * height * width}`);
  }
}

export function checkLabels(labels: ArrayLike<number>, width: number, height: number, what = 'label map'): void {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new Error(`${what}: width and height must be positive integers, got ${width}x${height}`);
  }
  if (labels.length !== width * height) throw new Error(`${what}: has ${labels.length} pixels, expected ${width}x${height} = ${width * height}`);
}
