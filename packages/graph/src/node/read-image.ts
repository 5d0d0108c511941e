import { Tensor } from '@seg/tensor';
import sharp from 'sharp';

/** An 8-bit RGB image (HWC) and the same pixels as a [3, H, W] float32 feature map in [0, 1]. */
export interface RgbImage {
  data: Uint8Array;
  width: number;
  height: number;
  channels: 3;
  features: Tensor<'float32'>;
}

/** Reads any image sharp decodes as 8-bit sRGB (alpha dropped, grey expanded). */
export async function readRgbImage(path: string): Promise<RgbImage> {
  const out = await sharp(path).removeAlpha().toColourspace('srgb').raw().toBuffer({ resolveWithObject: true })
    .catch((e: Error) => { throw new Error(`${path}: cannot read the image: ${e.message}`); });
  const { width, height, channels } = out.info;
  if (channels !== 3) throw new Error(`${path}: expected 3 colour channels after conversion, got ${channels}`);
  const data = new Uint8Array(out.data.buffer, out.data.byteOffset, out.data.byteLength);
  const n = width * height;
  const features = new Tensor('float32', [3, height, width]);
  for (let p = 0; p < n; p++) for (let c = 0; c < 3; c++) features.data[c * n + p] = data[3 * p + c] / 255;
  return { data, width, height, channels: 3, features };
}
