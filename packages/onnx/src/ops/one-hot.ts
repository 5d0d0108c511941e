import { Tensor } from '@seg/tensor';
import { attrNumber } from '../builder/attributes';
import type { OpSchema } from '../builder/op-schema';
import type { Dim, Value } from '../builder/value';
import { constInts, fmtDims, need, one, requireInt } from './infer';

/** ONNX OneHot: indices [...] -> [..., depth, ...] (inserted at axis) filled with values[0]/values[1]. */
export const oneHotSchema: OpSchema = {
  opType: 'OneHot',
  infer([iv, dv, vv], attrs) {
    const idx = need(iv, 'indices'); const d = need(dv, 'depth'); const v = need(vv, 'values');
    requireInt(idx, 'indices');
    if (v.rank !== 1 || (typeof v.dims[0] === 'number' && v.dims[0] !== 2)) throw new Error(`values must be [2] (off, on), got ${fmtDims(v.dims)}`);
    const depth = constInts(d);
    if (d.rank > 1) throw new Error(`depth must be a scalar, got ${fmtDims(d.dims)}`);
    const rank = idx.rank + 1;
    const a = attrNumber(attrs, 'axis', -1);
    const axis = a < 0 ? a + rank : a;
    if (axis < 0 || axis >= rank) throw new Error(`axis ${a} is out of range for output rank ${rank}`);
    const dims: Dim[] = [...idx.dims];
    dims.splice(axis, 0, depth ? depth[0] : `onehot(${d.name})`);
    return one(v.dtype, dims);
  },
};

/** One-hot encoding of integer indices with `depth` classes, on/off values of `dtype`. */
export function oneHot(indices: Value, depth: number, o: { axis?: number; dtype?: Tensor['dtype']; on?: number; off?: number } = {}): Value {
  const b = indices.builder;
  const dtype = o.dtype ?? 'float32';
  const values = b.constant(Tensor.fromArray(dtype, [2], dtype === 'int64' ? [BigInt(o.off ?? 0), BigInt(o.on ?? 1)] : [o.off ?? 0, o.on ?? 1]));
  return b.node1('OneHot', [indices, b.scalar(depth, 'int64'), values], { axis: o.axis ?? -1 });
}
