import type { Tensor } from '@seg/tensor';
import { createNodeSession } from '@seg/runtime/node';
import type { GraphBuilder } from '../builder/graph-builder';
import type { Dim, Value } from '../builder/value';
import { encodeModel, SerializeOptions, toModelProto, valueInfo } from '../proto/serialize';

/**
 * Test helpers (node only): run a builder's graph in onnxruntime-node with every intermediate
 * value exposed as an output, and compare the builder's inferred types with what actually ran.
 */

export interface RunAllResult {
  /** Every graph output and node output, by value name. */
  values: Record<string, Tensor>;
  /** Inferred-vs-runtime disagreements, one line each (empty when inference was exact). */
  mismatches: string[];
}

/** Model bytes with every node output of the builder listed as a graph output. */
export function exposeAllValues(b: GraphBuilder, options: SerializeOptions = {}): Uint8Array {
  const model = toModelProto(b, options);
  const graph = model.graph!;
  const listed = new Set((graph.output ?? []).map((o) => o.name));
  for (const n of b.nodes) for (const v of n.outputs) if (!listed.has(v.name)) { graph.output!.push(valueInfo(v)); listed.add(v.name); }
  return encodeModel(model);
}

/**
 * Checks runtime tensors against inferred types: dtype, rank, every static dim, and consistent
 * sizes for symbolic dims that share a name.
 */
export function compareInferred(values: readonly Value[], got: Record<string, Tensor>): string[] {
  const out: string[] = [];
  const symbols = new Map<string, { size: number; where: string }>();
  for (const v of values) {
    const t = got[v.name];
    if (!t) { out.push(`${v.name}: not returned by the runtime`); continue; }
    if (t.dtype !== v.dtype) out.push(`${v.name}: inferred dtype ${v.dtype}, runtime ${t.dtype}`);
    if (t.rank !== v.rank) { out.push(`${v.name}: inferred [${v.dims.join(', ')}], runtime [${t.dims.join(', ')}]`); continue; }
    v.dims.forEach((d: Dim, i) => {
      if (typeof d === 'number') {
        if (d !== t.dims[i]) out.push(`${v.name}: inferred [${v.dims.join(', ')}], runtime [${t.dims.join(', ')}]`);
        return;
      }
      const seen = symbols.get(d);
      if (!seen) symbols.set(d, { size: t.dims[i], where: v.name });
      else if (seen.size !== t.dims[i]) out.push(`symbolic dim '${d}' is ${seen.size} in ${seen.where} but ${t.dims[i]} in ${v.name}`);
    });
  }
  return [...new Set(out)];
}

/** Runs the graph with all values exposed; returns them and the inference mismatches. */
export async function runAll(b: GraphBuilder, feeds: Record<string, Tensor>, options: SerializeOptions = {}): Promise<RunAllResult> {
  const session = await createNodeSession(exposeAllValues(b, options), {}, b.name);
  try {
    const values = await session.run(feeds);
    const all = [...b.outputs, ...b.nodes.flatMap((n) => n.outputs)];
    return { values, mismatches: compareInferred(all, values) };
  } finally {
    await session.release();
  }
}
