import type { OpSchema } from '../builder/op-schema';
import type { Dim, Value } from '../builder/value';
import { broadcastDims, fmtDims, need, one, shapeInput } from './infer';

export const expandTileSchemas: OpSchema[] = [
  {
    // Output is the broadcast of the input's dims with the requested shape.
    opType: 'Expand',
    infer([xv, sv]) {
      const x = need(xv, 'input'); const s = need(sv, 'shape');
      if (s.dtype !== 'int64' || s.rank !== 1) throw new Error(`shape must be a 1-D int64 tensor, got ${s.dtype}${fmtDims(s.dims)}`);
      const shape = shapeInput(s);
      if (shape) return one(x.dtype, broadcastDims(x.dims, shape));
      const k = s.dims[0];
      if (typeof k !== 'number') throw new Error('the length of shape must be static');
      return one(x.dtype, new Array(Math.max(k, x.rank)).fill(0).map((_, i) => `expand(${x.name},${i})`));
    },
  },
  {
    opType: 'Tile',
    infer([xv, rv]) {
      const x = need(xv, 'input'); const r = need(rv, 'repeats');
      if (r.dtype !== 'int64') throw new Error(`repeats must be int64, got ${r.dtype}`);
      const reps = shapeInput(r);
      if (!reps) return one(x.dtype, x.dims.map((d) => `tile(${d})`));
      if (reps.length !== x.rank) throw new Error(`repeats needs ${x.rank} values for input ${fmtDims(x.dims)}, got [${reps}]`);
      return one(x.dtype, x.dims.map((d, i): Dim => {
        const k = reps[i];
        if (typeof k === 'number' && k < 0) throw new Error(`repeats[${i}] = ${k} is negative`);
        if (k === 1) return d;
        return typeof d === 'number' && typeof k === 'number' ? d * k : `${d}*${k}`;
      }));
    },
  },
];

/** Broadcasts x to `shape` (numbers, or a 1-D int64 value such as op.shape(y)). */
export function expand(x: Value, shape: readonly number[] | Value): Value {
  const s = Array.isArray(shape) ? x.builder.ints(shape as number[]) : (shape as Value);
  return x.builder.node1('Expand', [x, s]);
}

/** Repeats x `repeats[i]` times along axis i. */
export function tile(x: Value, repeats: readonly number[] | Value): Value {
  const r = Array.isArray(repeats) ? x.builder.ints(repeats as number[]) : (repeats as Value);
  return x.builder.node1('Tile', [x, r]);
}
