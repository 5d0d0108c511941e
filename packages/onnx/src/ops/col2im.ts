import { attrInts } from '../builder/attributes';
import type { OpSchema } from '../builder/op-schema';
import type { Value } from '../builder/value';
import { constInts, fmtDims, need, one } from './infer';

/**
 * ONNX Col2Im (opset 18): input [N, C*prod(block), L] of sliding-block columns, summed back into
 * [N, C, image...] (the adjoint of im2col; overlapping contributions add up).
 */
export const col2imSchema: OpSchema = {
  opType: 'Col2Im',
  sinceOpset: 18,
  infer([xv, iv, bv], attrs) {
    const x = need(xv, 'input');
    if (x.rank !== 3) throw new Error(`input must be [N, C*prod(block_shape), L], got ${fmtDims(x.dims)}`);
    const image = constInts(need(iv, 'image_shape'));
    const block = constInts(need(bv, 'block_shape'));
    if (!image || !block) throw new Error('image_shape and block_shape must be constants');
    const n = image.length;
    if (block.length !== n) throw new Error(`image_shape [${image}] and block_shape [${block}] need equal lengths`);
    const strides = attrInts(attrs, 'strides', null) ?? new Array(n).fill(1);
    const dil = attrInts(attrs, 'dilations', null) ?? new Array(n).fill(1);
    const pads = attrInts(attrs, 'pads', null) ?? new Array(2 * n).fill(0);
    let blocks = 1;
    for (let i = 0; i < n; i++) {
      const eff = (block[i] - 1) * dil[i] + 1;
      const span = image[i] + pads[i] + pads[i + n] - eff;
      if (span < 0) throw new Error(`block ${block[i]} (dilation ${dil[i]}) exceeds the padded image size along axis ${i}`);
      blocks *= Math.floor(span / strides[i]) + 1;
    }
    const kprod = block.reduce((a, k) => a * k, 1);
    const [, ck, l] = x.dims;
    if (typeof ck === 'number' && ck % kprod !== 0) throw new Error(`input axis 1 (${ck}) is not a multiple of prod(block_shape) = ${kprod}`);
    if (typeof l === 'number' && l !== blocks) throw new Error(`input has ${l} blocks, image_shape [${image}] with these strides/pads/dilations gives ${blocks}`);
    return one(x.dtype, [x.dims[0], typeof ck === 'number' ? ck / kprod : `${ck}/${kprod}`, ...image]);
  },
};

export interface Col2ImOptions { strides?: number[]; pads?: number[]; dilations?: number[] }

/** Sums sliding-block columns [N, C*prod(block), L] into an image [N, C, ...imageShape]. */
export function col2im(x: Value, imageShape: readonly number[], blockShape: readonly number[], o: Col2ImOptions = {}): Value {
  const b = x.builder;
  return b.node1('Col2Im', [x, b.ints(imageShape), b.ints(blockShape)], { strides: o.strides, pads: o.pads, dilations: o.dilations });
}
