import { attrNumber, attrString } from '../builder/attributes';
import type { OpSchema } from '../builder/op-schema';
import type { Value } from '../builder/value';
import { fmtDims, need, normAxis, one, requireInt } from './infer';

export type ScatterReduction = 'none' | 'add' | 'mul' | 'max' | 'min';
const REDUCTION_SINCE: Record<string, number> = { none: 11, add: 16, mul: 16, max: 18, min: 18 };

function checkReduction(r: string, opset: number): void {
  if (!(r in REDUCTION_SINCE)) throw new Error(`reduction '${r}' is not one of ${Object.keys(REDUCTION_SINCE).join(', ')}`);
  if (REDUCTION_SINCE[r] > opset) throw new Error(`reduction '${r}' needs opset >= ${REDUCTION_SINCE[r]}, the builder is at ${opset}`);
}

const sameDims = (a: Value, b: Value): boolean =>
  a.rank === b.rank && a.dims.every((d, i) => typeof d !== 'number' || typeof b.dims[i] !== 'number' || d === b.dims[i]);

export const scatterSchemas: OpSchema[] = [
  {
    opType: 'ScatterElements',
    infer([dv, iv, uv], attrs, opset) {
      const d = need(dv, 'data'); const idx = need(iv, 'indices'); const u = need(uv, 'updates');
      requireInt(idx, 'indices');
      checkReduction(attrString(attrs, 'reduction', 'none'), opset);
      if (u.dtype !== d.dtype) throw new Error(`updates (${u.dtype}) must have data's dtype ${d.dtype}`);
      if (idx.rank !== d.rank) throw new Error(`indices ${fmtDims(idx.dims)} must have the rank of data ${fmtDims(d.dims)}`);
      if (!sameDims(idx, u)) throw new Error(`updates ${fmtDims(u.dims)} must have the shape of indices ${fmtDims(idx.dims)}`);
      normAxis(attrNumber(attrs, 'axis', 0), d.rank);
      return one(d.dtype, d.dims);
    },
  },
  {
    // updates.dims must equal indices.dims[:-1] + data.dims[k:]
    opType: 'ScatterND',
    infer([dv, iv, uv], attrs, opset) {
      const d = need(dv, 'data'); const idx = need(iv, 'indices'); const u = need(uv, 'updates');
      if (idx.dtype !== 'int64') throw new Error(`indices must be int64, got ${idx.dtype}`);
      checkReduction(attrString(attrs, 'reduction', 'none'), opset);
      if (u.dtype !== d.dtype) throw new Error(`updates (${u.dtype}) must have data's dtype ${d.dtype}`);
      const k = idx.dims[idx.rank - 1];
      if (idx.rank < 1 || typeof k !== 'number') throw new Error(`the last axis of indices ${fmtDims(idx.dims)} must be static`);
      if (k > d.rank) throw new Error(`index depth ${k} exceeds the rank of data ${fmtDims(d.dims)}`);
      const expected = [...idx.dims.slice(0, -1), ...d.dims.slice(k)];
      const ok = expected.length === u.rank && expected.every((e, i) => typeof e !== 'number' || typeof u.dims[i] !== 'number' || e === u.dims[i]);
      if (!ok) throw new Error(`updates must be ${fmtDims(expected)} (indices.shape[:-1] + data.shape[${k}:]), got ${fmtDims(u.dims)}`);
      return one(d.dtype, d.dims);
    },
  },
];

/** Copy of data with data[indices[i][j]][j] = updates[i][j] (axis 0), or += with reduction 'add'. */
export function scatterElements(data: Value, indices: Value, updates: Value, axis = 0, reduction: ScatterReduction = 'none'): Value {
  return data.builder.node1('ScatterElements', [data, indices, updates], { axis, reduction: reduction === 'none' ? undefined : reduction });
}

/** Copy of data with slices at int64 indices replaced by (or, with 'add', accumulated with) updates. */
export function scatterND(data: Value, indices: Value, updates: Value, reduction: ScatterReduction = 'none'): Value {
  return data.builder.node1('ScatterND', [data, indices, updates], { reduction: reduction === 'none' ? undefined : reduction });
}
