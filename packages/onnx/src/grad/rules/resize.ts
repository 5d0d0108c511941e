import { Tensor } from '@seg/tensor';
import { attrNumber, attrString } from '../../builder/attributes';
import type { Value } from '../../builder/value';
import { constInts } from '../../ops/infer';
import { matmul, reduceSum, transpose } from '../../ops';
import { staticDims } from '../helpers';
import type { GradRule } from '../types';

/**
 * Resize backward. Every mode seg emits (nearest, linear, cubic) is separable and linear in X:
 * along each resized axis Y = A X with a constant [out, in] interpolation matrix A, so
 * dX = A^T dY, applied axis by axis as a MatMul (measured fastest for bilinear, shared notes).
 * Nearest resizes whose matrix is a plain block repeat (integer upscale) use Reshape + ReduceSum.
 * The matrices follow the ONNX Resize definition as onnxruntime computes it (float32 coordinates).
 */

interface AxisSpec { inSize: number; outSize: number; scale: number }

function originalCoord(o: number, a: AxisSpec, mode: string): number {
  const { inSize, outSize, scale } = a;
  switch (mode) {
    case 'half_pixel': return (o + 0.5) / scale - 0.5;
    case 'pytorch_half_pixel': return outSize > 1 ? (o + 0.5) / scale - 0.5 : 0;
    case 'align_corners': return outSize === 1 ? 0 : (o * (inSize - 1)) / (outSize - 1);
    case 'asymmetric': return o / scale;
    case 'half_pixel_symmetric': {
      const adjustment = outSize / (scale * inSize);
      const center = inSize / 2;
      return center * (1 - adjustment) + (o + 0.5) / scale - 0.5;
    }
    default: throw new Error(`coordinate_transformation_mode '${mode}' has no gradient in seg`);
  }
}

function nearestIndex(x: number, mode: string, isDownsample: boolean): number {
  switch (mode) {
    case 'round_prefer_floor': return x === Math.floor(x) + 0.5 ? Math.floor(x) : Math.round(x);
    case 'round_prefer_ceil': return Math.round(x);
    case 'floor': return Math.floor(x);
    case 'ceil': return Math.ceil(x);
    default: throw new Error(`nearest_mode '${mode}' is not one of round_prefer_floor, round_prefer_ceil, floor, ceil${isDownsample ? '' : ''}`);
  }
}

function cubicWeights(t: number, a: number): number[] {
  // Keys cubic convolution at distances 1+t, t, 1-t, 2-t
  const w = (d: number): number => {
    const x = Math.abs(d);
    if (x <= 1) return ((a + 2) * x - (a + 3)) * x * x + 1;
    if (x < 2) return ((a * x - 5 * a) * x + 8 * a) * x - 4 * a;
    return 0;
  };
  return [w(1 + t), w(t), w(1 - t), w(2 - t)];
}

/** The [out, in] interpolation matrix of one axis. */
export function interpolationMatrix(a: AxisSpec, attrs: { mode: string; coord: string; nearest: string; cubicA: number; excludeOutside: boolean }): Float64Array {
  const { inSize, outSize } = a;
  const m = new Float64Array(outSize * inSize);
  const clamp = (i: number): number => Math.min(Math.max(i, 0), inSize - 1);
  for (let o = 0; o < outSize; o++) {
    const x = Math.fround(originalCoord(o, a, attrs.coord));
    if (attrs.mode === 'nearest') {
      m[o * inSize + clamp(nearestIndex(x, attrs.nearest, a.scale < 1))] = 1;
    } else if (attrs.mode === 'linear') {
      const xc = Math.min(Math.max(x, 0), inSize - 1);
      const x0 = Math.floor(xc);
      const x1 = Math.min(x0 + 1, inSize - 1);
      const t = xc - x0;
      m[o * inSize + x0] += 1 - t;
      m[o * inSize + x1] += t;
    } else {
      const x0 = Math.floor(x);
      const ws = cubicWeights(x - x0, attrs.cubicA);
      let total = 0;
      const idx = [x0 - 1, x0, x0 + 1, x0 + 2];
      const keep = idx.map((i) => !attrs.excludeOutside || (i >= 0 && i < inSize));
      ws.forEach((w, k) => { if (keep[k]) total += w; });
      idx.forEach((i, k) => { if (keep[k]) m[o * inSize + clamp(i)] += attrs.excludeOutside ? ws[k] / total : ws[k]; });
    }
  }
  return m;
}

/** If the matrix is "output o copies input floor(o / r)" for an integer r, return r. */
function blockRepeat(m: Float64Array, a: AxisSpec): number | null {
  if (a.outSize % a.inSize !== 0) return null;
  const r = a.outSize / a.inSize;
  for (let o = 0; o < a.outSize; o++) if (m[o * a.inSize + Math.floor(o / r)] !== 1) return null;
  return r;
}

export const resizeGrad: GradRule = {
  opType: 'Resize',
  grad: ({ node, builder: b }, [dy]) => [() => {
    const x = node.inputs[0] as Value;
    const [, roi, scalesV, sizesV] = node.inputs;
    const xd = staticDims(x, `gradient of '${node.name}'`);
    const yd = staticDims(node.outputs[0], `gradient of '${node.name}'`);
    const coord = attrString(node.attributes, 'coordinate_transformation_mode', 'half_pixel');
    if (coord === 'tf_crop_and_resize' || (roi && coord === 'tf_crop_and_resize')) throw new Error(`gradient of '${node.name}': tf_crop_and_resize is not supported`);
    if (attrNumber(node.attributes, 'antialias', 0)) throw new Error(`gradient of '${node.name}': antialias is not supported`);
    const scales = scalesV ? constInts(scalesV) : undefined;
    if (scalesV && !scales) throw new Error(`gradient of '${node.name}' needs constant scales`);
    if (!scalesV && !sizesV) throw new Error(`gradient of '${node.name}' needs scales or sizes`);
    const attrs = {
      mode: attrString(node.attributes, 'mode', 'nearest'),
      coord,
      nearest: attrString(node.attributes, 'nearest_mode', 'round_prefer_floor'),
      cubicA: attrNumber(node.attributes, 'cubic_coeff_a', -0.75),
      excludeOutside: attrNumber(node.attributes, 'exclude_outside', 0) === 1,
    };
    let g = dy!;
    const rank = xd.length;
    // walk the resized axes from the last; each step turns g's axis `a` from out to in size
    for (let a = rank - 1; a >= 0; a--) {
      if (xd[a] === yd[a] && (!scales || scales[a] === 1)) continue;
      // onnxruntime takes the given scale, or out/in when sizes are given
      const spec: AxisSpec = { inSize: xd[a], outSize: yd[a], scale: scales ? Math.fround(scales[a]) : Math.fround(yd[a] / xd[a]) };
      const m = interpolationMatrix(spec, attrs);
      const r = attrs.mode === 'nearest' ? blockRepeat(m, spec) : null;
      const gd = staticDims(g, 'Resize gradient');
      if (r !== null) {
        const view = [...gd.slice(0, a), xd[a], r, ...gd.slice(a + 1)];
        g = reduceSum(b.node1('Reshape', [g, b.ints(view)]), [a + 1], false);
        continue;
      }
      const mt = new Tensor(x.dtype, [spec.outSize, spec.inSize]);
      for (let i = 0; i < m.length; i++) (mt.data as Float64Array)[i] = m[i];
      const mat = b.constant(mt);
      if (a === rank - 1) g = matmul(g, mat); // [.., out] x [out, in]
      else if (a === rank - 2) g = matmul(transpose(mat, [1, 0]), g); // [in, out] x [.., out, w]
      else {
        const perm = gd.map((_, i) => i);
        [perm[a], perm[rank - 1]] = [perm[rank - 1], perm[a]];
        g = transpose(matmul(transpose(g, perm), mat), perm);
      }
    }
    return g;
  }, null, null, null],
};
