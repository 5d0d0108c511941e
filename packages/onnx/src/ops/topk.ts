import { attrNumber } from '../builder/attributes';
import type { OpSchema } from '../builder/op-schema';
import type { Dim, Value } from '../builder/value';
import { constInts, fmtDims, need, normAxis } from './infer';

/** ONNX TopK (K as a 1-element int64 input): values and int64 indices along `axis`. */
export const topkSchema: OpSchema = {
  opType: 'TopK',
  infer([xv, kv], attrs) {
    const x = need(xv, 'X'); const k = need(kv, 'K');
    if (k.dtype !== 'int64' || k.rank !== 1) throw new Error(`K must be a 1-element int64 tensor, got ${k.dtype}${fmtDims(k.dims)}`);
    const axis = normAxis(attrNumber(attrs, 'axis', -1), x.rank);
    const kc = constInts(k)?.[0];
    const d = x.dims[axis];
    if (kc !== undefined && (kc < 0 || (typeof d === 'number' && kc > d))) throw new Error(`K = ${kc} is outside [0, ${d}] (axis ${axis} of ${fmtDims(x.dims)})`);
    const dims = x.dims.map((e, i): Dim => (i === axis ? kc ?? `topk(${k.name})` : e));
    return [{ dtype: x.dtype, dims }, { dtype: 'int64', dims }];
  },
};

/** The k largest (or smallest) entries along `axis`, sorted, with their int64 indices. */
export function topk(x: Value, k: number | Value, o: { axis?: number; largest?: boolean; sorted?: boolean } = {}): { values: Value; indices: Value } {
  const b = x.builder;
  const kv = typeof k === 'number' ? b.ints([k]) : k;
  const [values, indices] = b.node('TopK', [x, kv], { axis: o.axis ?? -1, largest: o.largest === false ? 0 : 1, sorted: o.sorted === false ? 0 : 1 });
  return { values, indices };
}
