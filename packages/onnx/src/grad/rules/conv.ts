import { attrInts, attrNumber, attrString } from '../../builder/attributes';
import type { NodeRecord } from '../../builder/node';
import type { Value } from '../../builder/value';
import { resolvePads } from '../../ops/infer';
import { matmul, reduceSum, transpose, unsqueeze } from '../../ops';
import { staticDims } from '../helpers';
import type { GradRule } from '../types';

/**
 * Conv backward by the routes measured fastest on onnxruntime CPU (shared notes, onnx-training.md):
 * - dX: ConvTranspose(dY, W) with the forward strides/pads/dilations/group and the output_padding
 *   that restores X's size; at stride 1 and group 1 a Conv with flipped, transposed weights (~15% faster).
 * - dW: im2col (k^d strided Slices of the padded X, Concat, batched MatMul with dY per group,
 *   ReduceSum over the batch); for depthwise convs, and when the columns would exceed
 *   IM2COL_MAX_ELEMENTS, the Conv trick (X as [C/g, g*N, ...] convolved with dY as weights,
 *   dilations = stride, strides = dilation, then Transpose and Slice to the kernel size).
 * - dB: ReduceSum of dY over the batch and spatial axes.
 */

export interface ConvGeometry {
  n: number; // spatial rank
  kernel: number[];
  strides: number[];
  dilations: number[];
  pads: number[]; // [begin..., end...]
  group: number;
  inSpatial: number[];
  outSpatial: number[];
}

/** Most im2col columns (elements) before dW switches to the memory-lean Conv trick. */
export const IM2COL_MAX_ELEMENTS = 1 << 26;

export function convGeometry(node: NodeRecord): ConvGeometry {
  const x = node.inputs[0] as Value;
  const w = node.inputs[1] as Value;
  const y = node.outputs[0];
  const n = x.rank - 2;
  const kernel = staticDims(w, `gradient of '${node.name}'`).slice(2);
  const strides = attrInts(node.attributes, 'strides', null) ?? new Array(n).fill(1);
  const dilations = attrInts(node.attributes, 'dilations', null) ?? new Array(n).fill(1);
  const inSpatial = staticDims(x, `gradient of '${node.name}'`).slice(2);
  const pads = resolvePads(attrString(node.attributes, 'auto_pad', 'NOTSET'), attrInts(node.attributes, 'pads', null), inSpatial, kernel, strides, dilations);
  const outSpatial = staticDims(y, `gradient of '${node.name}'`).slice(2);
  return { n, kernel, strides, dilations, pads, group: attrNumber(node.attributes, 'group', 1), inSpatial, outSpatial };
}

/** dX = ConvTranspose(dY, W) (or the flipped-weight Conv at stride 1, group 1). */
export function convInputGrad(dy: Value, w: Value, g: ConvGeometry): Value {
  const b = dy.builder;
  const { n, kernel, strides, dilations, pads, group, inSpatial, outSpatial } = g;
  const eff = kernel.map((k, i) => (k - 1) * dilations[i] + 1);
  const flipPads = [...eff.map((e, i) => e - 1 - pads[i]), ...eff.map((e, i) => e - 1 - pads[i + n])];
  // extra rows at the end that the forward windows never reached
  const outputPadding = inSpatial.map((h, i) => h - (strides[i] * (outSpatial[i] - 1) + eff[i] - pads[i] - pads[i + n]));
  if (strides.every((s) => s === 1) && group === 1 && flipPads.every((p) => p >= 0)) {
    // dX = Conv(dY, flip(W)^T) with pads eff-1-p (the end pad also absorbs output_padding = 0 here)
    const spatialAxes = Array.from({ length: n }, (_, i) => i + 2);
    const flipped = b.node1('Slice', [w, b.ints(spatialAxes.map(() => -1)), b.ints(spatialAxes.map(() => -Number.MAX_SAFE_INTEGER)), b.ints(spatialAxes), b.ints(spatialAxes.map(() => -1))]);
    const wt = transpose(flipped, [1, 0, ...spatialAxes]);
    return b.node1('Conv', [dy, wt], { strides, pads: flipPads, dilations, group: 1, kernel_shape: kernel });
  }
  return b.node1('ConvTranspose', [dy, w], { strides, pads, dilations, group, output_padding: outputPadding, kernel_shape: kernel });
}

/** All kernel offsets, row-major over the spatial axes. */
function offsets(kernel: number[]): number[][] {
  let out: number[][] = [[]];
  for (const k of kernel) out = out.flatMap((o) => Array.from({ length: k }, (_, i) => [...o, i]));
  return out;
}

/** dW by im2col: cols [N, C*K, P] from strided slices, dW = sum_n dY_n cols_n^T (per group). */
export function weightGradIm2col(x: Value, dy: Value, w: Value, g: ConvGeometry): Value {
  const b = x.builder;
  const { n, kernel, strides, dilations, pads, outSpatial } = g;
  const [batch, c] = staticDims(x, 'conv dW');
  const m = staticDims(w, 'conv dW')[0];
  const spatialAxes = Array.from({ length: n }, (_, i) => i + 2);
  const xp = pads.some((p) => p !== 0) ? b.node1('Pad', [x, b.ints([0, 0, ...pads.slice(0, n), 0, 0, ...pads.slice(n)])], { mode: 'constant' }) : x;
  const padded = staticDims(xp, 'conv dW').slice(2);
  const p = outSpatial.reduce((a, d) => a * d, 1);
  const kk = kernel.reduce((a, d) => a * d, 1);
  // step 1: one strided slice of the padded input per kernel offset, each [N, C, out...]
  const patches = offsets(kernel).map((o) => {
    const starts = o.map((u, i) => u * dilations[i]);
    const ends = starts.map((s, i) => s + strides[i] * (outSpatial[i] - 1) + 1);
    const identity = starts.every((s, i) => s === 0 && ends[i] === padded[i] && strides[i] === 1);
    const patch = identity ? xp : b.node1('Slice', [xp, b.ints(starts), b.ints(ends), b.ints(spatialAxes), b.ints(strides)]);
    return kk === 1 ? patch : unsqueeze(patch, [2]);
  });
  // step 2: columns [N, C*K, P] ordered (c, offset) so that the result reshapes straight to W
  const cols = b.node1('Reshape', [kk === 1 ? patches[0] : b.node1('Concat', patches, { axis: 2 }), b.ints([batch, c * kk, p])]);
  const wd = staticDims(w, 'conv dW');
  const group = g.group;
  if (group === 1) {
    // step 3: [N, C*K, P] x [N, P, M] -> [N, C*K, M], summed over the batch, then [M, C*K]
    // (transposing dY rather than the k^d-times larger columns)
    const dyt = transpose(b.node1('Reshape', [dy, b.ints([batch, m, p])]), [0, 2, 1]);
    const prod = matmul(cols, dyt);
    const summed = batch === 1 ? b.node1('Reshape', [prod, b.ints([c * kk, m])]) : reduceSum(prod, [0], false);
    return b.node1('Reshape', [transpose(summed, [1, 0]), b.ints(wd)]);
  }
  // grouped: per group [C/g*K, P] x [P, M/g], batched over (N, g)
  const colsG = b.node1('Reshape', [cols, b.ints([batch, group, (c / group) * kk, p])]);
  const dyG = transpose(b.node1('Reshape', [dy, b.ints([batch, group, m / group, p])]), [0, 1, 3, 2]);
  const prodG = reduceSum(matmul(colsG, dyG), [0], false); // [g, C/g*K, M/g]
  return b.node1('Reshape', [transpose(prodG, [0, 2, 1]), b.ints(wd)]);
}

/** dW by the Conv trick: X as [C/g, g*N, ...] convolved with dY as [M, N, out...], group g. */
export function weightGradConvTrick(x: Value, dy: Value, w: Value, g: ConvGeometry): Value {
  const b = x.builder;
  const { n, kernel, strides, dilations, pads, group } = g;
  const xd = staticDims(x, 'conv dW');
  const [batch, c] = xd;
  const spatialAxes = Array.from({ length: n }, (_, i) => i + 2);
  // [N, C, ...] -> [N, g, C/g, ...] -> [C/g, g, N, ...] -> [C/g, g*N, ...]
  let xt: Value;
  if (group === 1) xt = transpose(x, [1, 0, ...spatialAxes]);
  else {
    const x5 = b.node1('Reshape', [x, b.ints([batch, group, c / group, ...xd.slice(2)])]);
    const t = transpose(x5, [2, 1, 0, ...spatialAxes.map((a) => a + 1)]);
    xt = b.node1('Reshape', [t, b.ints([c / group, group * batch, ...xd.slice(2)])]);
  }
  const dyt = transpose(dy, [1, 0, ...spatialAxes]); // [M, N, out...]
  const outSpatial = staticDims(dy, 'conv dW').slice(2);
  const r = b.node1('Conv', [xt, dyt], { strides: dilations, dilations: strides, pads, group, kernel_shape: outSpatial }); // [C/g, M, k'...]
  const rt = transpose(r, [1, 0, ...spatialAxes]);
  const got = staticDims(rt, 'conv dW').slice(2);
  if (got.every((d, i) => d === kernel[i])) return rt;
  return b.node1('Slice', [rt, b.ints(kernel.map(() => 0)), b.ints(kernel), b.ints(spatialAxes), b.ints(kernel.map(() => 1))]);
}

export function convWeightGrad(x: Value, dy: Value, w: Value, g: ConvGeometry): Value {
  const [batch, c] = staticDims(x, 'conv dW');
  const cols = batch * c * g.kernel.reduce((a, d) => a * d, 1) * g.outSpatial.reduce((a, d) => a * d, 1);
  // depthwise (one input channel per group): the Conv trick measured a little faster; both agree
  const depthwise = g.group > 1 && g.group === c;
  if (!depthwise && cols <= IM2COL_MAX_ELEMENTS) return weightGradIm2col(x, dy, w, g);
  return weightGradConvTrick(x, dy, w, g);
}

export const convGrad: GradRule = {
  opType: 'Conv',
  grad: ({ node }, [dy]) => {
    const [x, w, bias] = node.inputs as (Value | null)[];
    const geo = convGeometry(node);
    return [
      () => convInputGrad(dy!, w!, geo),
      () => convWeightGrad(x!, dy!, w!, geo),
      bias ? () => reduceSum(dy!, [0, ...Array.from({ length: geo.n }, (_, i) => i + 2)], false) : null,
    ];
  },
};

/**
 * ConvTranspose is the adjoint of Conv: dX = Conv(dY, W) with the same strides/pads/dilations/
 * group, and dW is Conv's weight gradient with the roles of input and output swapped (dY is the
 * "input", X the "output gradient"; W's layout [C, M/g, k...] is that conv's [out, in/g, k...]).
 */
export const convTransposeGrad: GradRule = {
  opType: 'ConvTranspose',
  grad: ({ node, builder: b }, [dy]) => {
    const [x, w, bias] = node.inputs as (Value | null)[];
    if (attrInts(node.attributes, 'output_shape', null)) throw new Error(`gradient of '${node.name}': the output_shape attribute is not supported; give pads and output_padding`);
    const n = x!.rank - 2;
    const kernel = staticDims(w!, `gradient of '${node.name}'`).slice(2);
    const strides = attrInts(node.attributes, 'strides', null) ?? new Array(n).fill(1);
    const dilations = attrInts(node.attributes, 'dilations', null) ?? new Array(n).fill(1);
    const pads = attrInts(node.attributes, 'pads', null) ?? new Array(2 * n).fill(0);
    const group = attrNumber(node.attributes, 'group', 1);
    const inSpatial = staticDims(x!, `gradient of '${node.name}'`).slice(2);
    const outSpatial = staticDims(node.outputs[0], `gradient of '${node.name}'`).slice(2);
    // geometry of the adjoint Conv: dY (size outSpatial) -> X's size
    const geo: ConvGeometry = { n, kernel, strides, dilations, pads, group, inSpatial: outSpatial, outSpatial: inSpatial };
    return [
      () => {
        const dx = b.node1('Conv', [dy!, w!], { strides, pads, dilations, group, kernel_shape: kernel });
        const got = staticDims(dx, 'ConvTranspose dX').slice(2);
        if (got.every((d, i) => d === inSpatial[i])) return dx;
        // output_padding >= stride (allowed when smaller than the dilation) leaves extra rows
        const axes = inSpatial.map((_, i) => i + 2);
        return b.node1('Slice', [dx, b.ints(inSpatial.map(() => 0)), b.ints(inSpatial), b.ints(axes), b.ints(inSpatial.map(() => 1))]);
      },
      () => convWeightGrad(dy!, x!, w!, geo),
      bias ? () => reduceSum(dy!, [0, ...Array.from({ length: n }, (_, i) => i + 2)], false) : null,
    ];
  },
};

export const convGrads: GradRule[] = [convGrad, convTransposeGrad];
