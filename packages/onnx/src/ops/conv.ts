import { attrInts, attrNumber, attrString } from '../builder/attributes';
import type { OpSchema } from '../builder/op-schema';
import type { Dim, Value } from '../builder/value';
import { need, one, requireFloat, resolvePads, sameDtype, windowOut } from './infer';

export interface ConvOptions {
  strides?: number[];
  pads?: number[];
  dilations?: number[];
  group?: number;
  autoPad?: 'NOTSET' | 'SAME_UPPER' | 'SAME_LOWER' | 'VALID';
}

export const convSchema: OpSchema = {
  opType: 'Conv',
  infer([xv, wv, bv], attrs) {
    const x = need(xv, 'X');
    const w = need(wv, 'W');
    requireFloat(x, 'X');
    const dtype = sameDtype([x, w, bv], 'X, W and B');
    const n = x.rank - 2;
    if (n < 1) throw new Error(`X must be [N, C, spatial...], got [${x.dims.join(', ')}]`);
    if (w.rank !== x.rank) throw new Error(`W must have rank ${x.rank} like X, got [${w.dims.join(', ')}]`);
    const group = attrNumber(attrs, 'group', 1);
    const kernel = w.shape.slice(2);
    const ks = attrInts(attrs, 'kernel_shape', null);
    if (ks && ks.join() !== kernel.join()) throw new Error(`kernel_shape [${ks}] disagrees with W's [${kernel}]`);
    const cin = x.dims[1];
    if (typeof cin === 'number' && cin !== w.shape[1] * group) {
      throw new Error(`X has ${cin} channels but W [${w.dims.join(', ')}] with group ${group} expects ${w.shape[1] * group}`);
    }
    if (w.shape[0] % group !== 0) throw new Error(`output channels ${w.shape[0]} not divisible by group ${group}`);
    if (bv && (bv.rank !== 1 || bv.dims[0] !== w.dims[0])) throw new Error(`B must be [${w.dims[0]}], got [${bv.dims.join(', ')}]`);
    const strides = attrInts(attrs, 'strides', null) ?? new Array(n).fill(1);
    const dil = attrInts(attrs, 'dilations', null) ?? new Array(n).fill(1);
    const pads = resolvePads(attrString(attrs, 'auto_pad', 'NOTSET'), attrInts(attrs, 'pads', null), x.dims.slice(2), kernel, strides, dil);
    const spatial: Dim[] = kernel.map((k, i) => windowOut(x.dims[2 + i], k, strides[i], pads[i], pads[i + n], dil[i]));
    return one(dtype, [x.dims[0], w.dims[0], ...spatial]);
  },
};

/** ONNX Conv: X [N, C, ...], W [M, C/group, k...], optional bias B [M]. */
export function conv(x: Value, w: Value, b: Value | null = null, o: ConvOptions = {}): Value {
  const n = x.rank - 2;
  return x.builder.node1('Conv', b ? [x, w, b] : [x, w], {
    strides: o.strides ?? new Array(n).fill(1),
    pads: o.autoPad && o.autoPad !== 'NOTSET' ? undefined : o.pads ?? new Array(2 * n).fill(0),
    dilations: o.dilations ?? new Array(n).fill(1),
    group: o.group ?? 1,
    auto_pad: o.autoPad && o.autoPad !== 'NOTSET' ? o.autoPad : undefined,
    kernel_shape: w.shape.slice(2),
  });
}
