import { GraphBuilder, op, Value } from '@seg/onnx';
import { Tensor } from '@seg/tensor';
import type { BackboneSpec, BuildOptions, TapInfo } from '../types';
import { rgbToLabGraph } from './color';
import { gaussianKernels, kernelRadius } from './kernels';

/** ilastik's default pixel-classification scales. */
export const DEFAULT_SCALES: readonly number[] = [0.7, 1, 1.6, 3.5, 5, 10];
/** Features per input channel at one scale, in output order. */
export const FEATURES_PER_SCALE = ['smooth', 'gradient_magnitude', 'laplacian', 'structure_tensor_max', 'structure_tensor_min', 'hessian_max', 'hessian_min'] as const;
/** Strides of the average-pooled copies of the concatenated features. */
export const POOLED_STRIDES = [4, 8] as const;

/** The filter bank's options (part of BuildOptions). */
export type FilterBankOptions = Pick<BuildOptions, 'scales' | 'colorSpace' | 'channels'>;

interface Resolved { scales: number[]; colorSpace: 'input' | 'lab'; channels: number }

function resolve(fb: FilterBankOptions): Resolved {
  const scales = [...(fb.scales ?? DEFAULT_SCALES)];
  if (scales.length === 0 || scales.some((s) => !(s > 0) || !Number.isFinite(s))) throw new Error(`filterbank scales must be positive numbers, got [${scales.join(', ')}]`);
  const colorSpace = fb.colorSpace ?? 'input';
  if (colorSpace !== 'input' && colorSpace !== 'lab') throw new Error(`filterbank colorSpace must be 'input' or 'lab', got '${String(colorSpace)}'`);
  const channels = fb.channels ?? 3;
  if (!Number.isInteger(channels) || channels < 1) throw new Error(`filterbank channels must be a positive integer, got ${channels}`);
  if (colorSpace === 'lab' && channels !== 3) throw new Error(`filterbank colorSpace 'lab' needs 3 (sRGB) channels, got ${channels}`);
  return { scales, colorSpace, channels };
}

/** Tap name of one scale: 'sigma1.6'. */
export const scaleTap = (sigma: number): string => `sigma${sigma}`;

function taps(o: BuildOptions): Record<string, TapInfo> {
  const { scales, channels: c, colorSpace } = resolve(o);
  const total = c + FEATURES_PER_SCALE.length * c * scales.length;
  const out: Record<string, TapInfo> = {
    color: { stride: 1, channels: c, description: colorSpace === 'lab' ? 'CIELAB / 100' : 'the input channels' },
  };
  for (const s of scales) out[scaleTap(s)] = { stride: 1, channels: FEATURES_PER_SCALE.length * c, description: `${FEATURES_PER_SCALE.join(', ')} at sigma ${s} (each ${c} channels)` };
  out.features = { stride: 1, channels: total, description: 'color and every scale, concatenated' };
  for (const s of POOLED_STRIDES) out[`features_s${s}`] = { stride: s, channels: total, description: `features average-pooled ${s}x${s}` };
  return out;
}

/**
 * Kernels as a grouped-conv weight [groups * k.length, 1, K, 1] (along y) or [.., 1, 1, K] (along x):
 * each of `groups` channels gets every kernel of `k`.
 */
function kernelConst(b: GraphBuilder, k: Float64Array[], groups: number, alongY: boolean): Value {
  const n = k[0].length;
  const data = new Float32Array(groups * k.length * n);
  for (let g = 0; g < groups; g++) k.forEach((row, i) => data.set(row, (g * k.length + i) * n));
  return b.constant(new Tensor('float32', alongY ? [groups * k.length, 1, n, 1] : [groups * k.length, 1, 1, n], data));
}

/** Pads H and W by r, mirroring (vigra's REFLECT); repeats the edge when the image is too small to mirror. */
function padBorder(x: Value, r: number, h: number, w: number): Value {
  return op.padSpatial(x, [r, r, r, r], { mode: r < h && r < w ? 'reflect' : 'edge' });
}

/**
 * Separable filtering of every channel of [N, C, H+2r, W+2r] (already padded): along x with each
 * of `kx`, then along y with each of `ky`, giving [N, C * |kx| * |ky|, H, W] with channel
 * (c * |kx| + i) * |ky| + j. Grouped convolutions, not a batch of one-channel images: onnxruntime
 * turns the latter into NCHWc convolutions that pad 1-3 output channels to 8/16-channel blocks
 * (measured 30% slower at 512x512).
 */
function separable(p: Value, c: number, kx: Float64Array[], ky: Float64Array[]): Value {
  const b = p.builder;
  const alongX = op.conv(p, kernelConst(b, kx, c, false), null, { group: c });
  return op.conv(alongX, kernelConst(b, ky, c * kx.length, true), null, { group: c * kx.length });
}

/** Gaussian smoothing of every channel of [N, C, H, W]. */
function smooth(x: Value, c: number, h: number, w: number, sigma: number): Value {
  const { g0, radius: r } = gaussianKernels(sigma);
  return separable(padBorder(x, r, h, w), c, [g0], [g0]);
}

/** Eigenvalues of the symmetric [[a, b], [b, d]] per pixel, larger first: (a + d) / 2 +- sqrt(((a - d) / 2)^2 + b^2). */
export function eigenvalues2x2(a: Value, b: Value, d: Value): [Value, Value] {
  const mean = op.mul(op.add(a, d), 0.5);
  const half = op.mul(op.sub(a, d), 0.5);
  const root = op.sqrt(op.add(op.mul(half, half), op.mul(b, b)));
  return [op.add(mean, root), op.sub(mean, root)];
}

/**
 * One scale of the filter bank on [N, C, H, W]: every channel filtered by the six separable
 * Gaussian derivative pairs in two convolutions, then the elementwise features.
 */
function scaleFeatures(x: Value, c: number, h: number, w: number, sigma: number): Value {
  const k = gaussianKernels(sigma);
  // Steps 1-2: mirror borders; along x [smooth, d/dx, d2/dx2], then along y the same three of each:
  // channel 9c + 3 (x order) + (y order) of [N, 9C, H, W]. Pick each derivative for all channels.
  const all = separable(padBorder(x, k.radius, h, w), c, [k.g0, k.g1, k.g2], [k.g0, k.g1, k.g2]);
  const pick = (ox: number, oy: number) => op.slice(all, [3 * ox + oy], [9 * c], [1], [9]);
  const s = pick(0, 0); const iy = pick(0, 1); const iyy = pick(0, 2);
  const ix = pick(1, 0); const ixy = pick(1, 1); const ixx = pick(2, 0);
  // Step 3: gradient magnitude, Laplacian of Gaussian, Hessian eigenvalues.
  const grad = op.sqrt(op.add(op.mul(ix, ix), op.mul(iy, iy)));
  const log = op.add(ixx, iyy);
  const [h1, h2] = eigenvalues2x2(ixx, ixy, iyy);
  // Step 4: structure tensor (gradient at sigma, products smoothed at sigma / 2, as ilastik does).
  const prods = smooth(op.concat([op.mul(ix, ix), op.mul(ix, iy), op.mul(iy, iy)], 1), 3 * c, h, w, sigma / 2);
  const part = (i: number) => op.slice(prods, [i * c], [(i + 1) * c], [1]);
  const [t1, t2] = eigenvalues2x2(part(0), part(1), part(2));
  return op.concat([s, grad, log, t1, t2, h1, h2], 1);
}

/**
 * A weights-free multi-scale filter bank after ilastik's pixel-classification features (Sommer
 * et al. 2011, "ilastik: Interactive Learning and Segmentation Toolkit"): colour, Gaussian
 * smoothing, gradient magnitude, Laplacian of Gaussian, structure-tensor and Hessian-of-Gaussian
 * eigenvalues at several scales, from fixed separable convolutions and closed-form 2x2 eigenvalues.
 */
export const filterbank: BackboneSpec = {
  name: 'filterbank',
  description: 'weights-free ilastik-style filter bank (Sommer et al. 2011): colour, Gaussian, gradient, LoG, structure tensor and Hessian eigenvalues at 6 scales',
  weightsFolder: null,
  inputChannels: 3,
  normalizeByDefault: false,
  seeded: false,
  taps: taps({}),
  tapsFor: taps,
  inputChannelsFor: (o) => resolve(o).channels,
  defaultTaps: ['features'],
  build(ctx, x, wanted) {
    const { scales, colorSpace, channels } = resolve(ctx.options);
    const [, , h, w] = x.dims;
    if (typeof h !== 'number' || typeof w !== 'number') throw new Error(`filterbank needs a static height and width, got [${x.dims.join(', ')}]`);
    if (x.dims[1] !== channels) throw new Error(`filterbank expects ${channels} input channels, got [${x.dims.join(', ')}]`);
    const out: Record<string, Value> = {};
    out.color = colorSpace === 'lab' ? rgbToLabGraph(x) : x;
    const needAll = wanted.has('features') || POOLED_STRIDES.some((s) => wanted.has(`features_s${s}`));
    for (const s of scales) {
      const name = scaleTap(s);
      if (needAll || wanted.has(name)) out[name] = ctx.b.scope(name.replace('.', '_'), () => scaleFeatures(out.color, channels, h, w, s));
    }
    if (needAll) {
      out.features = op.concat([out.color, ...scales.map((s) => out[scaleTap(s)])], 1);
      for (const s of POOLED_STRIDES) {
        if (wanted.has(`features_s${s}`)) out[`features_s${s}`] = op.averagePool(out.features, { kernel: [s, s], strides: [s, s] });
      }
    }
    return out;
  },
};

export { kernelRadius };
