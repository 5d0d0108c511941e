import { writeFileAtomic } from '@seg/tensor/node';
import { promises as fs } from 'fs';
import sharp, { type Metadata } from 'sharp';
import { decodeLabels, encodeLabels, LabelEncoding } from '../render/label-encoding';
import { LabelMap } from '../types';

/**
 * Writes a label map as a PNG: 'gray16' = one 16-bit grey channel holding the label (default;
 * labels < 65536), 'rgb' = 8-bit RGB with label = R + 256 G + 65536 B.
 */
export async function writeLabelPng(file: string, map: LabelMap, encoding: LabelEncoding = 'gray16'): Promise<void> {
  const { width, height } = map;
  let png: Buffer;
  if (encoding === 'gray16') {
    const values = encodeLabels(map.labels, 'gray16');
    png = await sharp(values, { raw: { width, height, channels: 1 } }).toColourspace('grey16').png({ compressionLevel: 6 }).toBuffer();
  } else {
    const values = encodeLabels(map.labels, 'rgb');
    png = await sharp(values, { raw: { width, height, channels: 3 } }).png({ compressionLevel: 6 }).toBuffer();
  }
  await writeFileAtomic(file, new Uint8Array(png.buffer, png.byteOffset, png.length));
}

/**
 * Reads a label PNG: a grey PNG (8 or 16 bits) holds labels directly, an RGB one the
 * R + 256 G + 65536 B encoding. Labels are returned as stored (not renumbered).
 */
export async function readLabelPng(file: string): Promise<{ labels: Int32Array; width: number; height: number }> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (e) {
    throw new Error(`cannot read label map ${file}: ${(e as Error).message}`);
  }
  let meta: Metadata;
  try {
    meta = await sharp(bytes).metadata();
  } catch (e) {
    throw new Error(`cannot decode label map ${file}: ${(e as Error).message}`);
  }
  if (meta.format !== 'png') throw new Error(`label map ${file}: expected a PNG (lossless), got ${meta.format}`);
  const grey = (meta.channels ?? 0) <= 2;
  const wide = meta.depth === 'ushort';
  let img = sharp(bytes);
  if (grey) img = img.toColourspace(wide ? 'grey16' : 'b-w').extractChannel(0);
  else img = img.removeAlpha();
  const { data, info } = await img.raw({ depth: wide ? 'ushort' : 'uchar' }).toBuffer({ resolveWithObject: true });
  const values = wide ? new Uint16Array(data.buffer, data.byteOffset, data.length / 2) : new Uint8Array(data.buffer, data.byteOffset, data.length);
  const labels = decodeLabels(values, grey ? 'gray16' : 'rgb');
  if (labels.length !== info.width * info.height) {
    throw new Error(`label map ${file}: decoded ${labels.length} labels for ${info.width}x${info.height} pixels`);
  }
  return { labels, width: info.width, height: info.height };
}
