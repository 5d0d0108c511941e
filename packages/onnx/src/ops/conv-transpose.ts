import { attrInts, attrNumber, attrString } from '../builder/attributes';
import type { OpSchema } from '../builder/op-schema';
import type { Dim, Value } from '../builder/value';
import { fmtDims, need, one, requireFloat, sameDtype } from './infer';

export interface ConvTransposeOptions {
  strides?: number[];
  pads?: number[];
  /** Extra size added to one side of each output spatial axis; each must be < stride or < dilation. */
  outputPadding?: number[];
  dilations?: number[];
  group?: number;
}

/**
 * ONNX ConvTranspose: X [N, C, ...], W [C, M/group, k...], B [M]. Output size per axis is
 * stride*(in-1) + output_padding + (k-1)*dilation + 1 - pad_begin - pad_end (the adjoint of Conv).
 */
export const convTransposeSchema: OpSchema = {
  opType: 'ConvTranspose',
  infer([xv, wv, bv], attrs) {
    const x = need(xv, 'X');
    const w = need(wv, 'W');
    requireFloat(x, 'X');
    const dtype = sameDtype([x, w, bv], 'X, W and B');
    const n = x.rank - 2;
    if (n < 1) throw new Error(`X must be [N, C, spatial...], got ${fmtDims(x.dims)}`);
    if (w.rank !== x.rank) throw new Error(`W must have rank ${x.rank} like X, got ${fmtDims(w.dims)}`);
    if (attrString(attrs, 'auto_pad', 'NOTSET') !== 'NOTSET') throw new Error('auto_pad is not supported by seg for ConvTranspose; pass explicit pads');
    const group = attrNumber(attrs, 'group', 1);
    const kernel = w.shape.slice(2);
    const ks = attrInts(attrs, 'kernel_shape', null);
    if (ks && ks.join() !== kernel.join()) throw new Error(`kernel_shape [${ks}] disagrees with W's [${kernel}]`);
    const cin = x.dims[1];
    if (typeof cin === 'number' && cin !== w.shape[0]) {
      throw new Error(`X has ${cin} channels but W ${fmtDims(w.dims)} expects ${w.shape[0]} (W is [C_in, C_out/group, k...])`);
    }
    if (w.shape[0] % group !== 0) throw new Error(`input channels ${w.shape[0]} not divisible by group ${group}`);
    const m = w.shape[1] * group;
    if (bv && (bv.rank !== 1 || bv.dims[0] !== m)) throw new Error(`B must be [${m}], got ${fmtDims(bv.dims)}`);
    const strides = attrInts(attrs, 'strides', null) ?? new Array(n).fill(1);
    const dil = attrInts(attrs, 'dilations', null) ?? new Array(n).fill(1);
    const pads = attrInts(attrs, 'pads', null) ?? new Array(2 * n).fill(0);
    const outPad = attrInts(attrs, 'output_padding', null) ?? new Array(n).fill(0);
    for (const [name, arr, len] of [['strides', strides, n], ['dilations', dil, n], ['pads', pads, 2 * n], ['output_padding', outPad, n]] as const) {
      if (arr.length !== len) throw new Error(`${name} needs ${len} values for a ${n}-D kernel, got [${arr}]`);
    }
    outPad.forEach((p, i) => {
      if (p < 0 || (p >= strides[i] && p >= dil[i])) throw new Error(`output_padding[${i}] = ${p} must be >= 0 and smaller than stride ${strides[i]} or dilation ${dil[i]}`);
    });
    const explicit = attrInts(attrs, 'output_shape', null);
    const spatial: Dim[] = kernel.map((k, i) => {
      if (explicit) return explicit[i];
      const s = x.dims[2 + i];
      if (typeof s !== 'number') return `convT(${s})`;
      const o = strides[i] * (s - 1) + outPad[i] + (k - 1) * dil[i] + 1 - pads[i] - pads[i + n];
      if (o <= 0) throw new Error(`output size along spatial axis ${i} would be ${o}`);
      return o;
    });
    return one(dtype, [x.dims[0], m, ...spatial]);
  },
};

/** ONNX ConvTranspose (the gradient of Conv wrt its input, and learned upsampling). */
export function convTranspose(x: Value, w: Value, b: Value | null = null, o: ConvTransposeOptions = {}): Value {
  const n = x.rank - 2;
  return x.builder.node1('ConvTranspose', b ? [x, w, b] : [x, w], {
    strides: o.strides ?? new Array(n).fill(1),
    pads: o.pads ?? new Array(2 * n).fill(0),
    output_padding: o.outputPadding ?? new Array(n).fill(0),
    dilations: o.dilations ?? new Array(n).fill(1),
    group: o.group ?? 1,
    kernel_shape: w.shape.slice(2),
  });
}
