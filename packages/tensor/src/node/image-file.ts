import { promises as fs } from 'fs';
import * as path from 'path';
import type { ImageU8 } from '../image';
import { writeFileAtomic } from './atomic';
import { decodeImage, DecodeOptions, encodeImage, EncodeOptions, ImageFormat } from './image-codec';

/** Reads and decodes an image file (see decodeImage); errors name the file. */
export async function readImage(file: string, options: Omit<DecodeOptions, 'label'> = {}): Promise<ImageU8> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (e) {
    throw new Error(`cannot read image ${file}: ${(e as Error).message}`);
  }
  return decodeImage(bytes, { ...options, label: file });
}

const EXTENSIONS: Record<string, ImageFormat> = { '.png': 'png', '.jpg': 'jpeg', '.jpeg': 'jpeg', '.webp': 'webp' };

/** Encodes by the file's extension (.png, .jpg/.jpeg, .webp) and writes atomically. */
export async function writeImage(file: string, img: ImageU8, options: EncodeOptions = {}): Promise<void> {
  const ext = path.extname(file).toLowerCase();
  const format = EXTENSIONS[ext];
  if (!format) throw new Error(`cannot write image ${file}: unknown extension '${ext}'; use one of ${Object.keys(EXTENSIONS).join(', ')}`);
  await writeFileAtomic(file, await encodeImage(img, format, options));
}
