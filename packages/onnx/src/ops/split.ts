import type { OpSchema } from '../builder/op-schema';
import type { Dim, TypeInfo, Value } from '../builder/value';
import { attrNumber } from '../builder/attributes';
import { constInts, fmtDims, need, normAxis } from './infer';

/** ONNX Split in its opset 13+ form: sizes as a constant int64 input (one output per size). */
export const splitSchema: OpSchema = {
  opType: 'Split',
  sinceOpset: 13,
  infer([xv, sv], attrs) {
    const x = need(xv, 'input');
    if (attrs.num_outputs !== undefined) throw new Error('num_outputs (opset 18) is not emitted by seg; pass the split sizes');
    const sizes = constInts(need(sv, 'split'));
    if (!sizes) throw new Error('split sizes must be a constant');
    const axis = normAxis(attrNumber(attrs, 'axis', 0), x.rank);
    const d = x.dims[axis];
    const total = sizes.reduce((a, s) => a + s, 0);
    if (sizes.some((s) => s < 0)) throw new Error(`split sizes [${sizes}] must be non-negative`);
    if (typeof d === 'number' && total !== d) throw new Error(`split sizes [${sizes}] sum to ${total}, axis ${axis} of ${fmtDims(x.dims)} has ${d}`);
    return sizes.map((s): TypeInfo => ({ dtype: x.dtype, dims: x.dims.map((e, i): Dim => (i === axis ? s : e)) }));
  },
};

/** Splits x along `axis` into pieces of the given sizes. */
export function split(x: Value, sizes: readonly number[], axis = 0): Value[] {
  if (sizes.length === 0) throw new Error('split: sizes is empty');
  return x.builder.node('Split', [x, x.builder.ints(sizes)], { axis });
}

/** Splits a static axis into `parts` equal pieces. */
export function splitEqual(x: Value, parts: number, axis = 0): Value[] {
  const a = axis < 0 ? axis + x.rank : axis;
  const d = x.dims[a];
  if (typeof d !== 'number') throw new Error(`splitEqual: axis ${axis} of '${x.name}' is symbolic ('${d}')`);
  if (!Number.isInteger(parts) || parts <= 0 || d % parts !== 0) throw new Error(`splitEqual: axis ${axis} of size ${d} does not split into ${parts} equal parts`);
  return split(x, new Array(parts).fill(d / parts), axis);
}
