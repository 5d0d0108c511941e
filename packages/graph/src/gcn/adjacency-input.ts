import { GraphBuilder, op, Value } from '@seg/onnx';

/**
 * How a GCN graph receives Â: a dense [N, N] matrix, or sparse COO (indices int64 [2, E'],
 * values [E']) split once into the pieces every sparse layer reuses.
 */
export type GcnAdjacency = DenseGcnAdjacency | SparseGcnAdjacency;

export interface DenseGcnAdjacency { kind: 'dense'; matrix: Value }

export interface SparseGcnAdjacency {
  kind: 'sparse';
  /** Target rows as ScatterND indices, int64 [E', 1]. */
  targets: Value;
  /** Source columns as GatherND indices, int64 [E', 1]. */
  sources: Value;
  /** Entry values as a column, [E', 1], to scale gathered rows. */
  values: Value;
}

/** Wraps a dense Â value ([N, N], float). */
export function denseAdjacency(matrix: Value): DenseGcnAdjacency {
  if (matrix.rank !== 2) throw new Error(`dense adjacency must be [N, N], got [${matrix.dims.join(', ')}] ('${matrix.name}')`);
  return { kind: 'dense', matrix };
}

/** Splits COO indices [2, E'] (rows = targets, cols = sources) and values [E'] for the sparse layers. */
export function sparseAdjacency(indices: Value, values: Value): SparseGcnAdjacency {
  if (indices.dtype !== 'int64' || indices.rank !== 2 || indices.dims[0] !== 2) {
    throw new Error(`sparse adjacency indices must be int64 [2, E], got ${indices.dtype}[${indices.dims.join(', ')}] ('${indices.name}')`);
  }
  if (values.rank !== 1) throw new Error(`sparse adjacency values must be [E], got [${values.dims.join(', ')}] ('${values.name}')`);
  const b = indices.builder;
  return b.scope('adjacency', () => {
    const rows = op.gather(indices, b.scalar(0, 'int64'), 0);
    const cols = op.gather(indices, b.scalar(1, 'int64'), 0);
    return { kind: 'sparse', targets: op.unsqueeze(rows, [1]), sources: op.unsqueeze(cols, [1]), values: op.unsqueeze(values, [1]) };
  });
}

export interface GcnInputOptions {
  /** Input names (defaults: features, adjacency, adj_indices, adj_values). */
  names?: { features?: string; adjacency?: string; indices?: string; values?: string };
  /**
   * Static sizes instead of the symbolic 'num_vertices' / 'num_entries': one graph then serves a
   * single graph size, which today's backward rules need (reductions over N want static sizes).
   */
  numVertices?: number;
  numEntries?: number;
}

/** Declares the graph inputs of a GCN: `features` [N, C] and Â in the chosen form (N, E symbolic unless given). */
export function gcnInputs(b: GraphBuilder, channels: number, form: 'dense' | 'sparse', options: GcnInputOptions = {}): { features: Value; adjacency: GcnAdjacency } {
  const names = { features: 'features', adjacency: 'adjacency', indices: 'adj_indices', values: 'adj_values', ...options.names };
  const n = options.numVertices ?? 'num_vertices';
  const e = options.numEntries ?? 'num_entries';
  const features = b.input(names.features, 'float32', [n, channels]);
  if (form === 'dense') return { features, adjacency: denseAdjacency(b.input(names.adjacency, 'float32', [n, n])) };
  if (form !== 'sparse') throw new Error(`GCN adjacency form must be 'dense' or 'sparse', got '${String(form)}'`);
  const indices = b.input(names.indices, 'int64', [2, e]);
  const values = b.input(names.values, 'float32', [e]);
  return { features, adjacency: sparseAdjacency(indices, values) };
}
