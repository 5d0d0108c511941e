import { onnx } from 'onnx-proto';
import { Tensor } from '@seg/tensor';
import type { AttributeValue } from '../builder/attributes';
import { GraphBuilder } from '../builder/graph-builder';
import type { Value } from '../builder/value';
import { dtypeToOnnx } from './dtype';
import { tensorToProto } from './tensor-proto';

export const IR_VERSION = 8;
export const PRODUCER = 'seg';

export interface SerializeOptions {
  /**
   * How trainable parameters appear: baked in as initializers (inference export, lets ORT
   * prepack weights) or as graph inputs (training graphs feed them every step).
   */
  parameters?: 'initializers' | 'inputs';
  /** Override parameter tensors by name (e.g. trained values) when baking them in. */
  parameterValues?: Map<string, Tensor>;
  docString?: string;
  /**
   * Write graph.value_info (dtype and dims) for every intermediate node output, so that tools
   * such as cutModel can expose any of them as graph outputs with a known type.
   */
  valueInfo?: boolean;
}

export function valueInfo(v: Value): onnx.IValueInfoProto {
  return {
    name: v.name,
    type: {
      tensorType: {
        elemType: dtypeToOnnx(v.dtype),
        shape: { dim: v.dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) },
      },
    },
  };
}

function attribute(name: string, v: AttributeValue): onnx.IAttributeProto {
  const T = onnx.AttributeProto.AttributeType;
  if (typeof v === 'number') return Number.isInteger(v) ? { name, type: T.INT, i: v } : { name, type: T.FLOAT, f: v };
  if (typeof v === 'string') return { name, type: T.STRING, s: new TextEncoder().encode(v) };
  if (v instanceof Tensor) return { name, type: T.TENSOR, t: tensorToProto(name, v) };
  if (Array.isArray(v)) {
    if (v.every((x) => typeof x === 'string')) return { name, type: T.STRINGS, strings: (v as string[]).map((s) => new TextEncoder().encode(s)) };
    return { name, type: T.INTS, ints: v as number[] };
  }
  if (v.kind === 'float') return { name, type: T.FLOAT, f: v.value };
  return { name, type: T.FLOATS, floats: v.value };
}

/** Builds the ModelProto of a builder's graph. */
export function toModelProto(b: GraphBuilder, options: SerializeOptions = {}): onnx.IModelProto {
  if (b.outputs.length === 0) throw new Error(`graph '${b.name}' has no outputs; call builder.output(value) first`);
  const asInputs = options.parameters === 'inputs';
  const initializers: onnx.ITensorProto[] = [];
  const inputs = b.inputs.map(valueInfo);
  for (const [name, p] of b.parameters) {
    const tensor = options.parameterValues?.get(name) ?? p.tensor;
    if (!tensor.equalsShape(p.tensor.dims) || tensor.dtype !== p.tensor.dtype) {
      throw new Error(`parameter '${name}': value ${tensor} does not match declared ${p.tensor}`);
    }
    if (asInputs && p.trainable) inputs.push(valueInfo(p.value));
    else initializers.push(tensorToProto(name, tensor));
  }
  for (const [name, c] of b.constants) initializers.push(tensorToProto(name, c.tensor));
  const outputNames = new Set(b.outputs.map((v) => v.name));
  const intermediate = options.valueInfo
    ? b.nodes.flatMap((n) => n.outputs).filter((v) => !outputNames.has(v.name)).map(valueInfo)
    : undefined;
  const opsetImport: onnx.IOperatorSetIdProto[] = [{ domain: '', version: b.opset }];
  for (const [domain, version] of b.domains) opsetImport.push({ domain, version });
  return {
    irVersion: IR_VERSION,
    producerName: PRODUCER,
    producerVersion: '0.1.0',
    opsetImport,
    docString: options.docString,
    graph: {
      name: b.name,
      node: b.nodes.map((n) => ({
        name: n.name,
        opType: n.opType,
        domain: n.domain || undefined,
        input: n.inputs.map((v) => (v ? v.name : '')),
        output: n.outputs.map((v) => v.name),
        attribute: Object.entries(n.attributes)
          .filter((e): e is [string, AttributeValue] => e[1] !== undefined)
          .map(([k, v]) => attribute(k, v)),
      })),
      initializer: initializers,
      input: inputs,
      output: b.outputs.map(valueInfo),
      valueInfo: intermediate,
    },
  };
}

/** Serialises a builder's graph to ONNX ModelProto bytes. */
export function serializeModel(b: GraphBuilder, options: SerializeOptions = {}): Uint8Array {
  return onnx.ModelProto.encode(onnx.ModelProto.create(toModelProto(b, options))).finish();
}

export function encodeModel(model: onnx.IModelProto): Uint8Array {
  return onnx.ModelProto.encode(onnx.ModelProto.create(model)).finish();
}
