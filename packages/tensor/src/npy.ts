import { DType } from './dtype';
import { Tensor } from './tensor';

/** NumPy `.npy` format (versions 1–3), little-endian, C order: https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html */
const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59];

const DESCR_TO_DTYPE: Record<string, DType> = {
  '<f4': 'float32', '<f8': 'float64', '<i4': 'int32', '<i8': 'int64', '|u1': 'uint8', '|b1': 'bool',
};
const DTYPE_TO_DESCR: Record<DType, string> = {
  float32: '<f4', float64: '<f8', int32: '<i4', int64: '<i8', uint8: '|u1', bool: '|b1',
};

/** Parses `.npy` bytes into a tensor (copying, so the result is aligned). */
export function parseNpy(bytes: Uint8Array, name = 'npy'): Tensor {
  for (let i = 0; i < MAGIC.length; i++) {
    if (bytes[i] !== MAGIC[i]) throw new Error(`${name}: not a .npy file (bad magic)`);
  }
  const major = bytes[6];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLen = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const headerStart = major === 1 ? 10 : 12;
  const header = new TextDecoder('latin1').decode(bytes.subarray(headerStart, headerStart + headerLen));
  const descr = /'descr':\s*'([^']+)'/.exec(header)?.[1];
  const fortran = /'fortran_order':\s*(True|False)/.exec(header)?.[1];
  const shapeText = /'shape':\s*\(([^)]*)\)/.exec(header)?.[1];
  if (!descr || !fortran || shapeText === undefined) throw new Error(`${name}: malformed .npy header: ${header.trim()}`);
  const dtype = DESCR_TO_DTYPE[descr];
  if (!dtype) throw new Error(`${name}: unsupported .npy dtype '${descr}' (supported: ${Object.keys(DESCR_TO_DTYPE).join(', ')})`);
  if (fortran === 'True') throw new Error(`${name}: Fortran-order .npy arrays are not supported`);
  const dims = shapeText.split(',').map((s) => s.trim()).filter((s) => s.length > 0).map(Number);
  const t = new Tensor(dtype, dims);
  const offset = headerStart + headerLen;
  const nbytes = t.data.byteLength;
  if (bytes.byteLength - offset < nbytes) {
    throw new Error(`${name}: truncated .npy: shape [${dims.join(', ')}] needs ${nbytes} bytes, file has ${bytes.byteLength - offset}`);
  }
  new Uint8Array(t.data.buffer).set(bytes.subarray(offset, offset + nbytes));
  return t;
}

/** Serialises a tensor as `.npy` version 1.0 bytes. */
export function serializeNpy(t: Tensor): Uint8Array {
  const shape = t.dims.length === 1 ? `(${t.dims[0]},)` : `(${t.dims.join(', ')})`;
  let header = `{'descr': '${DTYPE_TO_DESCR[t.dtype]}', 'fortran_order': False, 'shape': ${shape}, }`;
  const unpadded = 10 + header.length + 1;
  header += ' '.repeat((64 - (unpadded % 64)) % 64) + '\n';
  const out = new Uint8Array(10 + header.length + t.data.byteLength);
  out.set(MAGIC, 0);
  out[6] = 1; out[7] = 0;
  new DataView(out.buffer).setUint16(8, header.length, true);
  for (let i = 0; i < header.length; i++) out[10 + i] = header.charCodeAt(i);
  out.set(new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength), 10 + header.length);
  return out;
}
