import type { onnx } from 'onnx-proto';
import type { DType } from '@seg/tensor';
import type { Dim } from '../builder/value';
import { dtypeToOnnx } from './dtype';
import { decodeModel } from './parse';
import { encodeModel } from './serialize';

export interface CutOptions {
  /**
   * Types of requested values the model does not describe (no value_info, not an input or
   * output); dims may be omitted (unknown rank). Builder models serialised with
   * `{ valueInfo: true }` never need this.
   */
  types?: Record<string, { dtype: DType; dims?: readonly Dim[] }>;
  /** Keep graph inputs that the cut graph no longer reads (default: drop them). */
  keepUnusedInputs?: boolean;
}

/**
 * Returns new model bytes whose outputs are exactly `outputNames` (any intermediate tensors,
 * inputs, or outputs of the model), keeping only the nodes, initializers and inputs those
 * outputs depend on. Types come from the model's outputs, inputs, value_info or initializers, or
 * `options.types`; a value of unknown type is an error naming it.
 * Nodes with subgraphs (If, Loop, Scan) are kept whole, but values they read from the outer
 * scope are not traced.
 */
export function cutModel(bytes: Uint8Array, outputNames: readonly string[], options: CutOptions = {}): Uint8Array {
  if (outputNames.length === 0) throw new Error('cutModel: no output names given');
  if (new Set(outputNames).size !== outputNames.length) throw new Error(`cutModel: duplicate output names in [${outputNames.join(', ')}]`);
  const model = decodeModel(bytes, 'cutModel');
  const g = model.graph!;
  const nodes = g.node ?? [];
  const initNames = new Set((g.initializer ?? []).map((t) => t.name ?? ''));

  // Step 1: where each value comes from (a node, a graph input or an initializer).
  const producer = new Map<string, number>();
  nodes.forEach((n, i) => (n.output ?? []).forEach((o) => { if (o) producer.set(o, i); }));
  const inputNames = new Set((g.input ?? []).map((v) => v.name ?? ''));
  for (const name of outputNames) {
    if (!producer.has(name) && !inputNames.has(name) && !initNames.has(name)) {
      const near = [...producer.keys()].filter((k) => k.includes(name) || name.includes(k)).slice(0, 5);
      throw new Error(`cutModel: no value named '${name}' in the model${near.length ? ` (similar: ${near.join(', ')})` : ''}`);
    }
  }

  // Step 2: type of every requested output.
  const known = new Map<string, onnx.IValueInfoProto>();
  for (const v of [...(g.valueInfo ?? []), ...(g.input ?? []), ...(g.output ?? [])]) if (v.name && v.type?.tensorType) known.set(v.name, v);
  for (const t of g.initializer ?? []) {
    if (t.name && !known.has(t.name)) {
      known.set(t.name, { name: t.name, type: { tensorType: { elemType: t.dataType, shape: { dim: (t.dims ?? []).map((d) => ({ dimValue: d })) } } } });
    }
  }
  const outputs = outputNames.map((name): onnx.IValueInfoProto => {
    const given = options.types?.[name];
    if (given) {
      return { name, type: { tensorType: { elemType: dtypeToOnnx(given.dtype), shape: given.dims ? { dim: given.dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) } : undefined } } };
    }
    const v = known.get(name);
    if (!v) {
      throw new Error(`cutModel: the type of '${name}' is unknown (no value_info); pass options.types['${name}'] = { dtype, dims }, or serialise builder models with { valueInfo: true }`);
    }
    return { name, type: v.type };
  });

  // Step 3: walk back from the outputs, marking the nodes they need.
  const keep = new Set<number>();
  const needed = new Set<string>();
  const stack = [...outputNames];
  while (stack.length) {
    const name = stack.pop()!;
    if (needed.has(name)) continue;
    needed.add(name);
    const p = producer.get(name);
    if (p === undefined || keep.has(p)) continue;
    keep.add(p);
    for (const i of nodes[p].input ?? []) if (i) stack.push(i);
  }

  // Step 4: the cut graph, in the original (topological) node order.
  const outSet = new Set(outputNames);
  g.node = nodes.filter((_, i) => keep.has(i));
  g.initializer = (g.initializer ?? []).filter((t) => needed.has(t.name ?? ''));
  g.input = (g.input ?? []).filter((v) => options.keepUnusedInputs ? !initNames.has(v.name ?? '') || needed.has(v.name ?? '') : needed.has(v.name ?? ''));
  g.output = outputs;
  g.valueInfo = (g.valueInfo ?? []).filter((v) => needed.has(v.name ?? '') && !outSet.has(v.name ?? ''));
  return encodeModel(model);
}
