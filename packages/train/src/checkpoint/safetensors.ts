import { bytesPerElement, DType, Tensor } from '@seg/tensor';

/**
 * The safetensors format (https://github.com/huggingface/safetensors), read and written in one
 * small file because no well-kept npm package exists: an 8-byte little-endian header length,
 * a JSON header {name: {dtype, shape, data_offsets: [begin, end]}, "__metadata__": {string: string}}
 * padded with spaces to a multiple of 8 bytes, then the tensors' raw little-endian bytes.
 */
export interface Safetensors {
  tensors: Map<string, Tensor>;
  metadata: Record<string, string>;
}

const TO_ST: Record<DType, string> = { float32: 'F32', float64: 'F64', int32: 'I32', int64: 'I64', uint8: 'U8', bool: 'BOOL' };
const FROM_ST: Record<string, DType> = Object.fromEntries(Object.entries(TO_ST).map(([k, v]) => [v, k as DType]));
/** Header sizes above this are rejected as corrupt (the reference implementation uses 100 MB). */
const MAX_HEADER = 100_000_000;

function assertLittleEndian(): void {
  if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) throw new Error('safetensors: big-endian hosts are not supported');
}

/** Encodes tensors (and string metadata) as a safetensors file. Tensors are laid out by alignment, then name. */
export function encodeSafetensors(tensors: ReadonlyMap<string, Tensor>, metadata: Record<string, string> = {}): Uint8Array {
  assertLittleEndian();
  // Larger elements first keeps every tensor naturally aligned in the data section.
  const names = [...tensors.keys()].sort((a, b) => {
    const d = bytesPerElement(tensors.get(b)!.dtype) - bytesPerElement(tensors.get(a)!.dtype);
    return d !== 0 ? d : a < b ? -1 : a > b ? 1 : 0;
  });
  const header: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(metadata)) {
    if (typeof v !== 'string') throw new Error(`safetensors: metadata '${k}' must be a string, got ${typeof v}`);
  }
  if (Object.keys(metadata).length) header.__metadata__ = metadata;
  let offset = 0;
  for (const name of names) {
    if (name === '__metadata__') throw new Error("safetensors: '__metadata__' cannot name a tensor");
    const t = tensors.get(name)!;
    const bytes = t.size * bytesPerElement(t.dtype);
    header[name] = { dtype: TO_ST[t.dtype], shape: [...t.dims], data_offsets: [offset, offset + bytes] };
    offset += bytes;
  }
  let json = new TextEncoder().encode(JSON.stringify(header));
  const padded = Math.ceil(json.length / 8) * 8;
  if (padded !== json.length) {
    const p = new Uint8Array(padded).fill(0x20);
    p.set(json);
    json = p;
  }
  const out = new Uint8Array(8 + padded + offset);
  new DataView(out.buffer).setBigUint64(0, BigInt(padded), true);
  out.set(json, 8);
  let at = 8 + padded;
  for (const name of names) {
    const t = tensors.get(name)!;
    const src = t.data as ArrayBufferView;
    out.set(new Uint8Array(src.buffer, src.byteOffset, src.byteLength), at);
    at += src.byteLength;
  }
  return out;
}

/** Decodes a safetensors file; every tensor gets its own copy of the bytes. */
export function decodeSafetensors(bytes: Uint8Array, what = 'safetensors'): Safetensors {
  assertLittleEndian();
  if (bytes.length < 8) throw new Error(`${what}: ${bytes.length} bytes is too short for a safetensors file`);
  const n = Number(new DataView(bytes.buffer, bytes.byteOffset, 8).getBigUint64(0, true));
  if (n > MAX_HEADER || 8 + n > bytes.length) throw new Error(`${what}: header length ${n} does not fit the ${bytes.length}-byte file`);
  let header: Record<string, unknown>;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(8, 8 + n)));
  } catch (e) {
    throw new Error(`${what}: the header is not valid UTF-8 JSON (${(e as Error).message})`);
  }
  if (!header || typeof header !== 'object' || Array.isArray(header)) throw new Error(`${what}: the header must be a JSON object`);
  const dataStart = 8 + n;
  const dataLength = bytes.length - dataStart;
  const metadata: Record<string, string> = {};
  const tensors = new Map<string, Tensor>();
  const spans: [number, number, string][] = [];
  for (const [name, entry] of Object.entries(header)) {
    if (name === '__metadata__') {
      if (!entry || typeof entry !== 'object') throw new Error(`${what}: __metadata__ must be an object of strings`);
      for (const [k, v] of Object.entries(entry)) {
        if (typeof v !== 'string') throw new Error(`${what}: metadata '${k}' must be a string`);
        metadata[k] = v;
      }
      continue;
    }
    const e = entry as { dtype?: unknown; shape?: unknown; data_offsets?: unknown };
    const dtype = typeof e.dtype === 'string' ? FROM_ST[e.dtype] : undefined;
    if (!dtype) throw new Error(`${what}: tensor '${name}' has dtype ${JSON.stringify(e.dtype)}; supported: ${Object.values(TO_ST).join(', ')}`);
    const shape = e.shape;
    if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d >= 0)) throw new Error(`${what}: tensor '${name}' has an invalid shape ${JSON.stringify(shape)}`);
    const off = e.data_offsets;
    if (!Array.isArray(off) || off.length !== 2 || !off.every((d) => Number.isInteger(d) && d >= 0) || off[1] < off[0] || off[1] > dataLength) {
      throw new Error(`${what}: tensor '${name}' has invalid data_offsets ${JSON.stringify(off)} for a ${dataLength}-byte data section`);
    }
    const size = (shape as number[]).reduce((a, d) => a * d, 1);
    if (off[1] - off[0] !== size * bytesPerElement(dtype)) {
      throw new Error(`${what}: tensor '${name}' ${e.dtype}[${shape.join(', ')}] needs ${size * bytesPerElement(dtype)} bytes, its offsets span ${off[1] - off[0]}`);
    }
    // Copy into a fresh, aligned buffer so the typed array never depends on the file's alignment.
    const raw = bytes.slice(dataStart + off[0], dataStart + off[1]);
    const t = new Tensor(dtype, shape as number[]);
    new Uint8Array((t.data as ArrayBufferView).buffer).set(raw);
    tensors.set(name, t);
    spans.push([off[0], off[1], name]);
  }
  // The format requires the tensors to tile the data section exactly (no holes, no overlaps).
  spans.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let end = 0;
  for (const [s, e, name] of spans) {
    if (s !== end) throw new Error(`${what}: tensor '${name}' starts at byte ${s}, expected ${end} (holes or overlaps in the data section)`);
    end = e;
  }
  if (end !== dataLength) throw new Error(`${what}: the data section has ${dataLength} bytes but the tensors cover ${end}`);
  return { tensors, metadata };
}
