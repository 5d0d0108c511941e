import { Tensor } from '@seg/tensor';
import { attrInts, attrNumber, attrString } from '../../builder/attributes';
import type { Value } from '../../builder/value';
import { resolvePads } from '../../ops/infer';
import { div, equal, mul, reduceSum } from '../../ops';
import { expandLike, maskOf, staticDims, zerosOf } from '../helpers';
import type { GradRule } from '../types';

/**
 * MaxPool: dX = ScatterElements(zeros, Indices, dY, reduction='add') on the flat tensor. MaxPool's
 * Indices are flat NCHW positions; 'add' accumulates where overlapping windows pick the same
 * element (MaxUnpool would overwrite them). If the forward node was emitted without its Indices
 * output (op.maxPool), the backward emits a second MaxPool with indices on the same input (one
 * extra pooling pass); training graphs avoid it by building with op.maxPoolWithIndices.
 */
export const maxPoolGrad: GradRule = {
  opType: 'MaxPool',
  grad: ({ node, builder: b }, dys) => [() => {
    const x = node.inputs[0] as Value;
    const dy = dys[0];
    if (!dy) return null; // only the Indices output is used: no gradient
    if (attrNumber(node.attributes, 'storage_order', 0) !== 0) throw new Error(`gradient of '${node.name}': storage_order=1 is not supported`);
    const indices = node.outputs[1] ?? b.node('MaxPool', [x], node.attributes, { name: 'MaxPoolIdx' })[1];
    const xd = staticDims(x, `gradient of '${node.name}'`);
    const total = xd.reduce((a, d) => a * d, 1);
    const flat = (v: Value): Value => b.node1('Reshape', [v, b.ints([-1])]);
    const zeros = zerosOf(x.dtype, [total], b);
    const dx = b.node1('ScatterElements', [zeros, flat(indices), flat(dy)], { axis: 0, reduction: 'add' });
    return b.node1('Reshape', [dx, b.ints(xd)]);
  }],
};

/** 1/count of each output window, as ONNX/onnxruntime divide (count_include_pad, ceil windows). */
function inverseCounts(inSpatial: number[], outSpatial: number[], kernel: number[], strides: number[], dil: number[], pads: number[], includePad: boolean): Tensor {
  const n = kernel.length;
  // per axis: number of counted cells of each window, then the outer product
  const perAxis = outSpatial.map((o, a) => Array.from({ length: o }, (_, i) => {
    let count = 0;
    for (let k = 0; k < kernel[a]; k++) {
      const pos = i * strides[a] + k * dil[a] - pads[a];
      const inPadded = pos >= -pads[a] && pos < inSpatial[a] + pads[a + n];
      const inReal = pos >= 0 && pos < inSpatial[a];
      if (includePad ? inPadded : inReal) count++;
    }
    return count;
  }));
  const t = new Tensor('float64', [1, 1, ...outSpatial]);
  const d = t.data as Float64Array;
  for (let flat = 0; flat < d.length; flat++) {
    let rem = flat;
    let c = 1;
    for (let a = n - 1; a >= 0; a--) { c *= perAxis[a][rem % outSpatial[a]]; rem = Math.floor(rem / outSpatial[a]); }
    d[flat] = 1 / c;
  }
  return t;
}

/**
 * AveragePool: scale dY by 1/count of each window (a constant map), then spread it over the
 * window with a depthwise ConvTranspose of ones (strides, pads, dilations as the forward;
 * output_padding restores X's size, ceil_mode windows that overhang the end are cropped by it).
 */
export const averagePoolGrad: GradRule = {
  opType: 'AveragePool',
  grad: ({ node, builder: b }, [dy]) => [() => {
    const x = node.inputs[0] as Value;
    const xd = staticDims(x, `gradient of '${node.name}'`);
    const c = xd[1];
    const inSpatial = xd.slice(2);
    const outSpatial = staticDims(node.outputs[0], `gradient of '${node.name}'`).slice(2);
    const kernel = attrInts(node.attributes, 'kernel_shape', null)!;
    const n = kernel.length;
    const strides = attrInts(node.attributes, 'strides', null) ?? new Array(n).fill(1);
    const dil = attrInts(node.attributes, 'dilations', null) ?? new Array(n).fill(1);
    const pads = resolvePads(attrString(node.attributes, 'auto_pad', 'NOTSET'), attrInts(node.attributes, 'pads', null), inSpatial, kernel, strides, dil);
    const includePad = attrNumber(node.attributes, 'count_include_pad', 0) === 1;
    const inv = inverseCounts(inSpatial, outSpatial, kernel, strides, dil, pads, includePad);
    const scaled = mul(dy!, b.constant(x.dtype === 'float64' ? inv : inv.cast('float32')));
    const eff = kernel.map((k, i) => (k - 1) * dil[i] + 1);
    // the transpose output would be s*(o-1) + eff - pb - pe: grow or crop the end to X's size
    const full = inSpatial.map((h, i) => strides[i] * (outSpatial[i] - 1) + eff[i] - pads[i] - pads[i + n]);
    const endPads = pads.slice(n).map((p, i) => p + Math.max(0, full[i] - inSpatial[i]));
    const outputPadding = inSpatial.map((h, i) => Math.max(0, h - full[i]));
    const ones = new Tensor(x.dtype, [c, 1, ...kernel]);
    (ones.data as Float32Array).fill(1);
    return b.node1('ConvTranspose', [scaled, b.constant(ones)], {
      strides, pads: [...pads.slice(0, n), ...endPads], dilations: dil, group: c, output_padding: outputPadding, kernel_shape: kernel,
    });
  }],
};

export const globalAveragePoolGrad: GradRule = {
  opType: 'GlobalAveragePool',
  grad: ({ node }, [dy]) => [() => {
    const x = node.inputs[0] as Value;
    const spatial = x.dims.slice(2);
    if (!spatial.every((d): d is number => typeof d === 'number')) throw new Error(`gradient of '${node.name}' needs static spatial dims, got [${x.dims.join(', ')}]`);
    const count = spatial.reduce((a, d) => a * d, 1);
    return expandLike(mul(dy!, 1 / count), x);
  }],
};

/** GlobalMaxPool: like ReduceMax over the spatial axes, ties sharing the gradient evenly. */
export const globalMaxPoolGrad: GradRule = {
  opType: 'GlobalMaxPool',
  grad: ({ node }, [dy]) => [() => {
    const x = node.inputs[0] as Value;
    const axes = Array.from({ length: x.rank - 2 }, (_, i) => i + 2);
    const m = maskOf(equal(x, node.outputs[0]), x);
    return mul(m, div(dy!, reduceSum(m, axes, true)));
  }],
};

export const poolGrads: GradRule[] = [maxPoolGrad, averagePoolGrad, globalAveragePoolGrad, globalMaxPoolGrad];
