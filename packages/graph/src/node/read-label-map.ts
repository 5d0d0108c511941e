import { readNpy } from '@seg/tensor/node';
import sharp from 'sharp';
import { LabelMap, relabelSequential } from '../region/label-map';

export interface ReadLabelMap {
  map: LabelMap;
  /** The stored label of each vertex (labels are renumbered 0..K-1 in order of first appearance). */
  original: Int32Array;
}

/**
 * Reads a label map from a 2-D integer .npy file or an image (PNG, TIFF, ...). Image encodings:
 * one channel (8- or 16-bit), value = label; three or four channels, label = R + 256 G + 65536 B
 * (the COCO-panoptic id encoding; alpha ignored). Labels are renumbered 0..K-1.
 */
export async function readLabelMap(path: string): Promise<ReadLabelMap> {
  if (path.toLowerCase().endsWith('.npy')) {
    const t = await readNpy(path);
    const ints = t.dtype === 'int32' || t.dtype === 'int64' || t.dtype === 'uint8';
    const dims = t.dims.length === 3 && t.dims[0] === 1 ? t.dims.slice(1) : t.dims;
    if (!ints || dims.length !== 2) throw new Error(`${path}: a label map .npy must be a 2-D integer array [H, W], got ${t.dtype}[${t.dims.join(', ')}]`);
    const values = t.dtype === 'int64' ? Array.from(t.data as BigInt64Array, Number) : (t.data as Int32Array | Uint8Array);
    const { map, original } = relabelSequential(values, dims[0], dims[1]);
    return { map, original };
  }
  const decode = async () => {
    const meta = await sharp(path).metadata();
    // sharp's raw output is sRGB unless told otherwise: keep grey maps grey (and 16-bit ones 16-bit).
    const grey = (meta.channels ?? 3) <= 2;
    const depth = grey && meta.depth === 'ushort' ? 'ushort' : 'uchar';
    const img = grey ? sharp(path).toColourspace(depth === 'ushort' ? 'grey16' : 'b-w').extractChannel(0) : sharp(path).toColourspace('srgb');
    const raw = await img.raw({ depth }).toBuffer({ resolveWithObject: true });
    return { raw, depth };
  };
  const { raw, depth } = await decode().catch((e: Error) => { throw new Error(`${path}: cannot read the label image: ${e.message}`); });
  const { width, height, channels } = raw.info;
  const bytes = raw.data;
  const values = depth === 'ushort'
    ? new Uint16Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength))
    : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = width * height;
  const labels = new Int32Array(n);
  if (channels === 1 || channels === 2) {
    for (let p = 0; p < n; p++) labels[p] = values[p * channels];
  } else {
    for (let p = 0; p < n; p++) labels[p] = values[p * channels] + 256 * values[p * channels + 1] + 65536 * values[p * channels + 2];
  }
  return relabelSequential(labels, height, width);
}
