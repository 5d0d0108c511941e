import { onnx } from 'onnx-proto';
import type { DType, Tensor } from '@seg/tensor';
import type { Dim } from '../builder/value';
import { dtypeFromOnnx } from './dtype';
import { tensorFromProto } from './tensor-proto';

/** A graph input, output or value_info entry: dtype (seg's name, or `onnx:<code>` if seg has none) and dims. */
export interface ParsedValue {
  name: string;
  dtype: DType | string;
  /** Static sizes, symbolic names, or '?' for a dimension with neither. Null when the shape is unknown. */
  dims: Dim[] | null;
}

export type ParsedAttribute = number | number[] | string | string[] | Tensor | { unsupported: string };

export interface ParsedNode {
  name: string;
  opType: string;
  domain: string;
  /** Input names; '' marks an omitted optional input. */
  inputs: string[];
  outputs: string[];
  attributes: Record<string, ParsedAttribute>;
}

export interface ParsedModel {
  irVersion: number;
  producer: string;
  /** Opset per domain ('' is ai.onnx). */
  opsets: { domain: string; version: number }[];
  graphName: string;
  /** Graph inputs that are not initializers (what a caller feeds). */
  inputs: ParsedValue[];
  outputs: ParsedValue[];
  valueInfo: ParsedValue[];
  initializers: Map<string, Tensor>;
  /** Initializers of dtypes seg tensors cannot hold (float16, ...), by name with their ONNX type. */
  unsupportedInitializers: Map<string, string>;
  nodes: ParsedNode[];
}

const ONNX_TYPE_NAMES: Record<number, string> = {
  1: 'float32', 2: 'uint8', 3: 'int8', 4: 'uint16', 5: 'int16', 6: 'int32', 7: 'int64', 8: 'string', 9: 'bool',
  10: 'float16', 11: 'float64', 12: 'uint32', 13: 'uint64', 14: 'complex64', 15: 'complex128', 16: 'bfloat16',
};

/** seg dtype of an ONNX element type, or `onnx:<name>` when seg tensors cannot carry it. */
export function dtypeName(code: number): DType | string {
  try { return dtypeFromOnnx(code); } catch { return `onnx:${ONNX_TYPE_NAMES[code] ?? code}`; }
}

/** A dimension from its oneof: a size, a symbolic name, or '?' when neither is set. */
function dimOf(d: onnx.TensorShapeProto.IDimension): Dim {
  const which = (d as onnx.TensorShapeProto.Dimension).value;
  if (which === 'dimValue') return Number(d.dimValue);
  if (which === 'dimParam' && d.dimParam) return d.dimParam;
  if (d.dimParam) return d.dimParam;
  return d.dimValue !== undefined && d.dimValue !== null && Number(d.dimValue) > 0 ? Number(d.dimValue) : '?';
}

export function parseValueInfo(v: onnx.IValueInfoProto): ParsedValue {
  const tt = v.type?.tensorType;
  if (!tt) return { name: v.name ?? '', dtype: v.type ? 'non-tensor' : 'unknown', dims: null };
  const dims = tt.shape ? (tt.shape.dim ?? []).map(dimOf) : null;
  return { name: v.name ?? '', dtype: dtypeName(tt.elemType ?? 0), dims };
}

function parseAttribute(a: onnx.IAttributeProto): ParsedAttribute {
  const T = onnx.AttributeProto.AttributeType;
  const dec = (b: Uint8Array) => new TextDecoder().decode(b);
  switch (a.type) {
    case T.INT: return Number(a.i ?? 0);
    case T.FLOAT: return a.f ?? 0;
    case T.STRING: return dec(a.s ?? new Uint8Array());
    case T.INTS: return (a.ints ?? []).map(Number);
    case T.FLOATS: return [...(a.floats ?? [])];
    case T.STRINGS: return (a.strings ?? []).map(dec);
    case T.TENSOR: return tensorFromProto(a.t ?? {});
    default: return { unsupported: T[a.type ?? 0] ?? String(a.type) };
  }
}

/** Decodes ModelProto bytes, with an error that says so when the bytes are not an ONNX model. */
export function decodeModel(bytes: Uint8Array, label = 'model'): onnx.ModelProto {
  if (!(bytes instanceof Uint8Array)) throw new Error(`${label}: expected model bytes (Uint8Array), got ${Object.prototype.toString.call(bytes)}`);
  if (bytes.length === 0) throw new Error(`${label}: is empty (0 bytes), not an ONNX model`);
  let m: onnx.ModelProto;
  try {
    m = onnx.ModelProto.decode(bytes);
  } catch (e) {
    throw new Error(`${label}: not an ONNX model (${bytes.length} bytes${sniff(bytes)}; protobuf decoding failed: ${(e as Error).message})`);
  }
  if (!m.graph || !m.irVersion || Number(m.irVersion) <= 0) {
    throw new Error(`${label}: not an ONNX model (${bytes.length} bytes${sniff(bytes)}; it decodes but has no ${m.graph ? 'ir_version' : 'graph'})`);
  }
  return m;
}

/** Names well-known file signatures, to make "not an ONNX model" errors actionable. */
function sniff(b: Uint8Array): string {
  const head = new TextDecoder('latin1').decode(b.subarray(0, 8));
  if (head.startsWith('\x93NUMPY')) return ', looks like a .npy array';
  if (head.startsWith('\x89PNG')) return ', looks like a PNG image';
  if (head.startsWith('\xff\xd8\xff')) return ', looks like a JPEG image';
  if (head.startsWith('PK')) return ', looks like a zip archive';
  if (head.startsWith('{') || head.startsWith('[')) return ', looks like JSON';
  return '';
}

/** Reads ONNX model bytes into a plain structure: opsets, inputs/outputs with types, initializers as Tensors, nodes. */
export function parseModel(bytes: Uint8Array, label = 'model'): ParsedModel {
  const m = decodeModel(bytes, label);
  const g = m.graph!;
  const initializers = new Map<string, Tensor>();
  const unsupportedInitializers = new Map<string, string>();
  for (const t of g.initializer ?? []) {
    const name = t.name ?? '';
    const dt = dtypeName(t.dataType ?? 0);
    if (dt.startsWith('onnx:') || t.dataLocation === onnx.TensorProto.DataLocation.EXTERNAL) {
      unsupportedInitializers.set(name, t.dataLocation === onnx.TensorProto.DataLocation.EXTERNAL ? 'external data' : dt);
      continue;
    }
    initializers.set(name, tensorFromProto(t));
  }
  const isInit = (n: string) => initializers.has(n) || unsupportedInitializers.has(n);
  return {
    irVersion: Number(m.irVersion),
    producer: [m.producerName, m.producerVersion].filter(Boolean).join(' '),
    opsets: (m.opsetImport ?? []).map((o) => ({ domain: o.domain ?? '', version: Number(o.version ?? 0) })),
    graphName: g.name ?? '',
    inputs: (g.input ?? []).filter((v) => !isInit(v.name ?? '')).map(parseValueInfo),
    outputs: (g.output ?? []).map(parseValueInfo),
    valueInfo: (g.valueInfo ?? []).map(parseValueInfo),
    initializers,
    unsupportedInitializers,
    nodes: (g.node ?? []).map((n) => ({
      name: n.name ?? '',
      opType: n.opType ?? '',
      domain: n.domain ?? '',
      inputs: [...(n.input ?? [])],
      outputs: [...(n.output ?? [])],
      attributes: Object.fromEntries((n.attribute ?? []).map((a) => [a.name ?? '', parseAttribute(a)])),
    })),
  };
}
