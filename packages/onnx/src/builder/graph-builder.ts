import { DType, Tensor } from '@seg/tensor';
import type { Attributes } from './attributes';
import type { NodeRecord } from './node';
import { getSchema } from '../ops/registry';
import { Dim, TypeInfo, Value } from './value';

export const DEFAULT_OPSET = 17;
export const MAX_OPSET = 21;

export interface BuilderOptions {
  /** Default opset of the ai.onnx domain; 17 for the widest compatibility, up to 21. */
  opset?: number;
  /** Graph name written to the model. */
  name?: string;
}

export interface Parameter {
  value: Value;
  tensor: Tensor;
  /** Trainable parameters are fed as graph inputs in training graphs; frozen ones are always constants. */
  trainable: boolean;
}

export interface NodeOptions {
  domain?: string;
  /** Base name of the node (defaults to the op type), made unique under the current scope. */
  name?: string;
  /** Emit only the first k outputs of an op with optional outputs (MaxPool's indices, say). */
  numOutputs?: number;
}

/**
 * Builds one ONNX graph. Names are deterministic and hierarchical: `scope('layer1', ...)` makes
 * nodes and values named `layer1/conv2`, `layer1/Relu_0`, so two builds of the same network are
 * byte-identical. Constants are cached by content; parameters are recorded with their tensors.
 */
export class GraphBuilder {
  readonly opset: number;
  readonly name: string;
  readonly nodes: NodeRecord[] = [];
  readonly inputs: Value[] = [];
  readonly outputs: Value[] = [];
  readonly parameters = new Map<string, Parameter>();
  readonly constants = new Map<string, { value: Value; tensor: Tensor }>();
  /** Extra opset domains used by nodes (e.g. 'com.microsoft'). */
  readonly domains = new Map<string, number>();
  private readonly scopes: string[] = [];
  private readonly counters = new Map<string, number>();
  private readonly names = new Set<string>();
  private readonly constantKeys = new Map<string, Value>();

  constructor(options: BuilderOptions = {}) {
    const opset = options.opset ?? DEFAULT_OPSET;
    if (!Number.isInteger(opset) || opset < 13 || opset > MAX_OPSET) {
      throw new Error(`opset ${opset} is not supported: seg emits opsets 13..${MAX_OPSET} (17 by default)`);
    }
    this.opset = opset;
    this.name = options.name ?? 'seg';
  }

  // ---- naming ---------------------------------------------------------------------------------

  /** Runs `body` with `name` pushed on the scope stack; returns what it returns. */
  scope<T>(name: string, body: () => T): T {
    if (!name || name.includes('/')) throw new Error(`scope name '${name}' must be non-empty and contain no '/'`);
    this.scopes.push(name);
    try { return body(); } finally { this.scopes.pop(); }
  }

  get currentScope(): string { return this.scopes.join('/'); }

  /** A fresh name under the current scope: `scope/base` if free, else `scope/base_1`, ... */
  uniqueName(base: string): string {
    const full = this.scopes.length ? `${this.currentScope}/${base}` : base;
    if (!this.names.has(full)) { this.names.add(full); return full; }
    let k = this.counters.get(full) ?? 1;
    while (this.names.has(`${full}_${k}`)) k++;
    this.counters.set(full, k + 1);
    const name = `${full}_${k}`;
    this.names.add(name);
    return name;
  }

  // ---- graph interface ------------------------------------------------------------------------

  input(name: string, dtype: DType, dims: readonly Dim[]): Value {
    if (this.names.has(name)) throw new Error(`graph input '${name}' clashes with an existing name`);
    this.names.add(name);
    const v = new Value(this, name, dtype, dims);
    this.inputs.push(v);
    return v;
  }

  /** Marks a value as a graph output, renaming it through Identity when `name` is given. */
  output(value: Value, name?: string): Value {
    this.checkOwned(value, 'output');
    let v = value;
    if (name !== undefined && name !== value.name) {
      if (this.names.has(name)) throw new Error(`graph output name '${name}' is already used`);
      this.names.add(name);
      v = new Value(this, name, value.dtype, value.dims);
      this.nodes.push({ name: `${name}/Identity`, opType: 'Identity', domain: '', inputs: [value], outputs: [v], attributes: {} });
    }
    if (this.outputs.includes(v)) throw new Error(`value '${v.name}' is already a graph output`);
    this.outputs.push(v);
    return v;
  }

  /** A named parameter (weights) under the current scope, e.g. `layer1/conv2/weight`. */
  param(name: string, tensor: Tensor, options: { trainable?: boolean } = {}): Value {
    const full = this.uniqueName(name);
    const v = new Value(this, full, tensor.dtype, tensor.dims);
    this.parameters.set(full, { value: v, tensor, trainable: options.trainable ?? true });
    return v;
  }

  /** A constant, cached by content: the same small tensor twice gives the same value. */
  constant(tensor: Tensor): Value {
    const key = tensor.size <= 4096 ? `${tensor.dtype}[${tensor.dims.join(',')}]${tensor.toArray().join(',')}` : null;
    if (key) { const hit = this.constantKeys.get(key); if (hit) return hit; }
    // Constants are shared across scopes, so their names are not scoped.
    const name = `const_${this.constants.size}`;
    this.names.add(name);
    const v = new Value(this, name, tensor.dtype, tensor.dims);
    this.constants.set(name, { value: v, tensor });
    if (key) this.constantKeys.set(key, v);
    return v;
  }

  /** Scalar or 1-D constant of the given dtype. */
  scalar(value: number, dtype: DType = 'float32'): Value {
    return this.constant(Tensor.fromArray(dtype, [], dtype === 'int64' ? [BigInt(value)] : [value]));
  }

  ints(values: readonly number[]): Value {
    return this.constant(Tensor.fromArray('int64', [values.length], values.map((v) => BigInt(v))));
  }

  /** The tensor behind a constant value, if it is one (used by shape inference of Reshape etc.). */
  constantOf(v: Value): Tensor | undefined {
    return this.constants.get(v.name)?.tensor;
  }

  // ---- nodes ----------------------------------------------------------------------------------

  /**
   * Emits a node of a registered op type, infers its outputs' types, and returns them.
   * Errors from inference name the node.
   */
  node(opType: string, inputs: (Value | null)[], attributes: Attributes = {}, options: NodeOptions = {}): Value[] {
    const domain = options.domain ?? '';
    const schema = getSchema(opType, domain);
    inputs.forEach((v, i) => { if (v) this.checkOwned(v, `input ${i} of ${opType}`); });
    const name = this.uniqueName(options.name ?? opType);
    if (schema.sinceOpset && schema.sinceOpset > this.opset) {
      throw new Error(`node '${name}': ${opType} as emitted by seg needs opset >= ${schema.sinceOpset}, the builder is at ${this.opset}`);
    }
    let types: TypeInfo[];
    try {
      types = schema.infer(inputs, attributes, this.opset);
    } catch (e) {
      throw new Error(`node '${name}' (${opType}): ${(e as Error).message}`);
    }
    if (options.numOutputs !== undefined) types = types.slice(0, options.numOutputs);
    const outputs = types.map((t, i) => {
      const vname = types.length === 1 ? name : `${name}:${i}`;
      if (types.length > 1) this.names.add(vname);
      return new Value(this, vname, t.dtype, t.dims);
    });
    if (domain) this.domains.set(domain, this.domains.get(domain) ?? 1);
    this.nodes.push({ name, opType, domain, inputs, outputs, attributes });
    return outputs;
  }

  /** `node` for single-output ops. */
  node1(opType: string, inputs: (Value | null)[], attributes: Attributes = {}, options: NodeOptions = {}): Value {
    return this.node(opType, inputs, attributes, options)[0];
  }

  private checkOwned(v: Value, what: string): void {
    if (v.builder !== this) throw new Error(`${what}: value '${v.name}' belongs to another graph builder`);
  }

  /** Parameters split by trainability. */
  trainableParameters(): Parameter[] { return [...this.parameters.values()].filter((p) => p.trainable); }
}
