import { op, Value } from '@seg/onnx';
import type { DenseGcnAdjacency, GcnAdjacency, SparseGcnAdjacency } from './adjacency-input';

/**
 * Propagation Â·M for a dense Â: one MatMul ([N, N] x [N, F]).
 */
export function propagateDense(adj: DenseGcnAdjacency, m: Value): Value {
  return op.matmul(adj.matrix, m);
}

/**
 * Propagation Â·M for a sparse Â, as message passing: step 1 gather the source rows M[cols]
 * ([E', F]); step 2 scale each by its entry value; step 3 scatter-add them into their target rows
 * of an [N, F] zero tensor (ScatterND, reduction 'add': repeated targets accumulate).
 */
export function propagateSparse(adj: SparseGcnAdjacency, m: Value): Value {
  // GatherND rather than Gather: its backward rule is one ScatterND, where Gather's is an Expand +
  // ScatterElements over [E', F] indices (~30x the CPU on a 100k-vertex graph).
  const messages = op.gatherND(m, adj.sources);
  const weighted = op.mul(messages, adj.values);
  const zeros = op.constantOfShape(op.shape(m), 0, m.dtype);
  return op.scatterND(zeros, adj.targets, weighted, 'add');
}

export function propagate(adj: GcnAdjacency, m: Value): Value {
  return adj.kind === 'dense' ? propagateDense(adj, m) : propagateSparse(adj, m);
}

/**
 * One graph convolution (Kipf & Welling, ICLR 2017, eq. 2 without the activation):
 * H' = Â (H W) + b. H·W comes first, so the propagation moves F_out-wide rows.
 */
export function gcnLayer(adj: GcnAdjacency, h: Value, weight: Value, bias: Value | null): Value {
  const hw = op.matmul(h, weight);
  const out = propagate(adj, hw);
  return bias ? op.add(out, bias) : out;
}
