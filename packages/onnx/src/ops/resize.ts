import { Tensor } from '@seg/tensor';
import { attrInts, attrNumber, attrString, float } from '../builder/attributes';
import type { OpSchema } from '../builder/op-schema';
import type { Dim, Value } from '../builder/value';
import { constInts, fmtDims, need, one, shapeInput } from './infer';

export type ResizeMode = 'nearest' | 'linear' | 'cubic';
export type CoordinateTransform = 'half_pixel' | 'align_corners' | 'asymmetric' | 'pytorch_half_pixel' | 'half_pixel_symmetric';
export type NearestMode = 'round_prefer_floor' | 'round_prefer_ceil' | 'floor' | 'ceil';

export interface ResizeOptions {
  /** One scale per axis of X (1 for N and C); output size is floor(in * scale). */
  scales?: number[];
  /** Output size per axis of X. Exactly one of scales and sizes. */
  sizes?: number[];
  mode?: ResizeMode;
  coordinateTransformationMode?: CoordinateTransform;
  nearestMode?: NearestMode;
  /** Opset 18+: antialiased down-scaling for linear and cubic modes. */
  antialias?: boolean;
}

const MODES = ['nearest', 'linear', 'cubic'];
const TRANSFORMS: Record<string, number> = { half_pixel: 11, align_corners: 11, asymmetric: 11, pytorch_half_pixel: 11, tf_crop_and_resize: 11, half_pixel_symmetric: 19 };

/** ONNX Resize (opset 13+ form: X, roi, scales, sizes); output shape is static when scales/sizes are constants. */
export const resizeSchema: OpSchema = {
  opType: 'Resize',
  infer([xv, , sv, zv], attrs, opset) {
    const x = need(xv, 'X');
    const mode = attrString(attrs, 'mode', 'nearest');
    if (!MODES.includes(mode)) throw new Error(`mode '${mode}' is not one of ${MODES.join(', ')}`);
    const ct = attrString(attrs, 'coordinate_transformation_mode', 'half_pixel');
    if (!(ct in TRANSFORMS)) throw new Error(`coordinate_transformation_mode '${ct}' is not one of ${Object.keys(TRANSFORMS).join(', ')}`);
    if (TRANSFORMS[ct] > opset) throw new Error(`coordinate_transformation_mode '${ct}' needs opset >= ${TRANSFORMS[ct]}, the builder is at ${opset}`);
    if (attrNumber(attrs, 'antialias', 0) && opset < 18) throw new Error(`antialias needs opset >= 18, the builder is at ${opset}`);
    if (attrInts(attrs, 'axes', null)) throw new Error('the axes attribute is not supported by seg; give scales/sizes for every axis');
    if (sv && zv) throw new Error('give either scales or sizes, not both');
    if (!sv && !zv) throw new Error('one of scales or sizes is required');
    if (sv) {
      if (sv.dtype !== 'float32') throw new Error(`scales must be float32, got ${sv.dtype}`);
      const scales = constInts(sv);
      if (!scales) return one(x.dtype, x.dims.map((d, i) => `resize(${d},${i})`));
      if (scales.length !== x.rank) throw new Error(`scales needs ${x.rank} values (one per axis of X ${fmtDims(x.dims)}), got [${scales}]`);
      return one(x.dtype, x.dims.map((d, i): Dim => {
        if (scales[i] <= 0) throw new Error(`scales[${i}] = ${scales[i]} must be positive`);
        if (scales[i] === 1) return d;
        // ONNX: output = floor(input * scale), computed in float32 like the runtimes do.
        return typeof d === 'number' ? Math.floor(Math.fround(d * Math.fround(scales[i]))) : `${d}*${scales[i]}`;
      }));
    }
    const z = need(zv, 'sizes');
    if (z.dtype !== 'int64') throw new Error(`sizes must be int64, got ${z.dtype}`);
    const sizes = shapeInput(z);
    if (!sizes) return one(x.dtype, x.dims.map((d, i) => `resize(${d},${i})`));
    if (sizes.length !== x.rank) throw new Error(`sizes needs ${x.rank} values (one per axis of X ${fmtDims(x.dims)}), got [${sizes}]`);
    return one(x.dtype, sizes);
  },
};

/** Resizes X by constant scales or to constant sizes (nearest / linear / cubic). */
export function resize(x: Value, o: ResizeOptions): Value {
  const b = x.builder;
  if ((o.scales === undefined) === (o.sizes === undefined)) throw new Error('resize: give exactly one of scales and sizes');
  const scales = o.scales ? b.constant(Tensor.fromArray('float32', [o.scales.length], o.scales)) : null;
  const sizes = o.sizes ? b.ints(o.sizes) : null;
  const mode = o.mode ?? 'nearest';
  return b.node1('Resize', sizes ? [x, null, null, sizes] : [x, null, scales], {
    mode,
    coordinate_transformation_mode: o.coordinateTransformationMode ?? 'half_pixel',
    nearest_mode: mode === 'nearest' ? o.nearestMode ?? 'round_prefer_floor' : undefined,
    cubic_coeff_a: mode === 'cubic' ? float(-0.75) : undefined,
    antialias: o.antialias ? 1 : undefined,
  });
}
