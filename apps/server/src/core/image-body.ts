import sharp, { type Metadata } from 'sharp';
import { badRequest, payloadTooLarge, unsupportedMediaType } from './errors';

export const IMAGE_TYPES = ['image/png', 'image/jpeg'];

export interface DecodedImage { width: number; height: number; rgb: Uint8Array }

/**
 * Decodes an uploaded PNG/JPEG to RGB, refusing anything above `maxPixels` before decoding the
 * pixel data (sharp's limitInputPixels reads only the header), so decompression bombs are cheap.
 */
export async function decodeUpload(body: unknown, contentType: string | undefined, maxPixels: number): Promise<DecodedImage> {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (!IMAGE_TYPES.includes(type)) throw unsupportedMediaType(`expected an image upload with content-type ${IMAGE_TYPES.join(' or ')}, got '${type || 'none'}'`);
  if (!Buffer.isBuffer(body) || body.length === 0) throw badRequest('the request body is empty; send the image bytes');
  let meta: Metadata;
  try {
    meta = await sharp(body).metadata();
  } catch {
    throw badRequest('the upload is not a readable PNG or JPEG image');
  }
  if (meta.format !== 'png' && meta.format !== 'jpeg') throw unsupportedMediaType(`the upload is ${meta.format ?? 'unknown'}, not PNG or JPEG`);
  const w = meta.autoOrient?.width ?? meta.width ?? 0;
  const h = meta.autoOrient?.height ?? meta.height ?? 0;
  if (w * h > maxPixels) throw payloadTooLarge(`the image has ${w}x${h} = ${w * h} pixels; the limit is ${maxPixels}`);
  try {
    const { data, info } = await sharp(body, { limitInputPixels: maxPixels }).rotate().removeAlpha().toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
    if (info.channels !== 3) throw new Error(`decoded ${info.channels} channels`);
    return { width: info.width, height: info.height, rgb: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
  } catch (e) {
    throw badRequest(`the image could not be decoded: ${(e as Error).message}`);
  }
}
