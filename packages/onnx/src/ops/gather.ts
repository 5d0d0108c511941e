import { attrNumber } from '../builder/attributes';
import type { OpSchema } from '../builder/op-schema';
import type { Dim, Value } from '../builder/value';
import { fmtDims, need, normAxis, one, requireInt } from './infer';

export const gatherSchemas: OpSchema[] = [
  {
    // out = data.dims[:axis] + indices.dims + data.dims[axis+1:]
    opType: 'Gather',
    infer([dv, iv], attrs) {
      const d = need(dv, 'data'); const idx = need(iv, 'indices');
      requireInt(idx, 'indices');
      const axis = normAxis(attrNumber(attrs, 'axis', 0), d.rank);
      return one(d.dtype, [...d.dims.slice(0, axis), ...idx.dims, ...d.dims.slice(axis + 1)]);
    },
  },
  {
    opType: 'GatherElements',
    infer([dv, iv], attrs) {
      const d = need(dv, 'data'); const idx = need(iv, 'indices');
      requireInt(idx, 'indices');
      if (idx.rank !== d.rank) throw new Error(`indices ${fmtDims(idx.dims)} must have the rank of data ${fmtDims(d.dims)}`);
      normAxis(attrNumber(attrs, 'axis', 0), d.rank);
      return one(d.dtype, idx.dims);
    },
  },
  {
    // out = data.dims[:b] + indices.dims[b:-1] + data.dims[b+k:] with k = indices.dims[-1]
    opType: 'GatherND',
    infer([dv, iv], attrs) {
      const d = need(dv, 'data'); const idx = need(iv, 'indices');
      if (idx.dtype !== 'int64') throw new Error(`indices must be int64, got ${idx.dtype}`);
      const b = attrNumber(attrs, 'batch_dims', 0);
      const k = idx.dims[idx.rank - 1];
      if (idx.rank < 1 || typeof k !== 'number') throw new Error(`the last axis of indices ${fmtDims(idx.dims)} must be static`);
      if (b + k > d.rank) throw new Error(`batch_dims ${b} + index depth ${k} exceed the rank of data ${fmtDims(d.dims)}`);
      if (b >= idx.rank) throw new Error(`batch_dims ${b} must be smaller than the rank of indices ${fmtDims(idx.dims)}`);
      return one(d.dtype, [...d.dims.slice(0, b), ...idx.dims.slice(b, -1), ...d.dims.slice(b + k)] as Dim[]);
    },
  },
];

/** data.take(indices, axis): rows (or slices) of data selected by integer indices. */
export const gather = (data: Value, indices: Value, axis = 0): Value => data.builder.node1('Gather', [data, indices], { axis });

/** out[i][j] = data[indices[i][j]][j] for axis 0 (torch.gather). */
export const gatherElements = (data: Value, indices: Value, axis = 0): Value => data.builder.node1('GatherElements', [data, indices], { axis });

/** Gathers slices of data addressed by the last axis of int64 indices. */
export const gatherND = (data: Value, indices: Value, batchDims = 0): Value => data.builder.node1('GatherND', [data, indices], { batch_dims: batchDims });
