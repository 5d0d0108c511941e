import { checkContiguous } from '../labels/compact';

/**
 * Label maps stored as images. Two encodings:
 * - 'gray16': one 16-bit channel, value = label (labels < 65536); the compact default.
 * - 'rgb': three 8-bit channels, label = R + 256 G + 65536 B (the COCO-panoptic id encoding),
 *   readable by any 8-bit image tool, labels < 2^24.
 */
export type LabelEncoding = 'gray16' | 'rgb';

export function encodeLabels(labels: ArrayLike<number>, encoding: 'gray16'): Uint16Array;
export function encodeLabels(labels: ArrayLike<number>, encoding: 'rgb'): Uint8Array;
export function encodeLabels(labels: ArrayLike<number>, encoding: LabelEncoding): Uint16Array | Uint8Array;
export function encodeLabels(labels: ArrayLike<number>, encoding: LabelEncoding): Uint16Array | Uint8Array {
  const count = checkContiguous(labels, 'encodeLabels');
  if (encoding === 'gray16') {
    if (count > 65536) throw new Error(`encodeLabels: ${count} labels do not fit 16 bits; use the 'rgb' encoding`);
    return Uint16Array.from(labels as ArrayLike<number>);
  }
  if (encoding === 'rgb') {
    if (count > 1 << 24) throw new Error(`encodeLabels: ${count} labels do not fit 24 bits`);
    const out = new Uint8Array(labels.length * 3);
    for (let i = 0; i < labels.length; i++) {
      const v = labels[i];
      out[3 * i] = v & 255;
      out[3 * i + 1] = (v >> 8) & 255;
      out[3 * i + 2] = (v >> 16) & 255;
    }
    return out;
  }
  throw new Error(`encodeLabels: unknown encoding '${encoding as string}', expected 'gray16' or 'rgb'`);
}

/** Inverse of `encodeLabels`: pixel values (1 channel, or 3 interleaved for 'rgb') to labels. */
export function decodeLabels(values: ArrayLike<number>, encoding: LabelEncoding): Int32Array {
  if (encoding === 'gray16') return Int32Array.from(values);
  if (encoding === 'rgb') {
    if (values.length % 3 !== 0) throw new Error(`decodeLabels: 'rgb' needs 3 values per pixel, got ${values.length} values`);
    const out = new Int32Array(values.length / 3);
    for (let i = 0; i < out.length; i++) out[i] = values[3 * i] + 256 * values[3 * i + 1] + 65536 * values[3 * i + 2];
    return out;
  }
  throw new Error(`decodeLabels: unknown encoding '${encoding as string}', expected 'gray16' or 'rgb'`);
}
