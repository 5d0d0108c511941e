import { attrNumber, attrString, float } from '../builder/attributes';
import type { OpSchema } from '../builder/op-schema';
import type { Value } from '../builder/value';
import { fmtDims, need, one, requireFloat } from './infer';

/** Last opset at which onnxruntime 1.30 has a RoiAlign kernel (it has none at 22+). */
export const ROI_ALIGN_MAX_OPSET = 21;

/**
 * ONNX RoiAlign (Mask R-CNN, He et al. 2017), opset 16+ form with coordinate_transformation_mode:
 * X [N, C, H, W], rois [R, 4] as (x1, y1, x2, y2), int64 batch_indices [R] -> [R, C, oh, ow].
 */
export const roiAlignSchema: OpSchema = {
  opType: 'RoiAlign',
  sinceOpset: 16,
  infer([xv, rv, bv], attrs, opset) {
    if (opset > ROI_ALIGN_MAX_OPSET) throw new Error(`onnxruntime has no RoiAlign kernel at opset ${opset}; use <= ${ROI_ALIGN_MAX_OPSET}`);
    const x = need(xv, 'X'); const r = need(rv, 'rois'); const bi = need(bv, 'batch_indices');
    requireFloat(x, 'X');
    if (x.rank !== 4) throw new Error(`X must be [N, C, H, W], got ${fmtDims(x.dims)}`);
    if (r.dtype !== x.dtype || r.rank !== 2 || (typeof r.dims[1] === 'number' && r.dims[1] !== 4)) throw new Error(`rois must be [R, 4] of ${x.dtype}, got ${r.dtype}${fmtDims(r.dims)}`);
    if (bi.dtype !== 'int64' || bi.rank !== 1) throw new Error(`batch_indices must be int64 [R], got ${bi.dtype}${fmtDims(bi.dims)}`);
    if (typeof bi.dims[0] === 'number' && typeof r.dims[0] === 'number' && bi.dims[0] !== r.dims[0]) throw new Error(`batch_indices has ${bi.dims[0]} entries for ${r.dims[0]} rois`);
    const mode = attrString(attrs, 'mode', 'avg');
    if (mode !== 'avg' && mode !== 'max') throw new Error(`mode '${mode}' is not avg or max`);
    const ct = attrString(attrs, 'coordinate_transformation_mode', 'half_pixel');
    if (ct !== 'half_pixel' && ct !== 'output_half_pixel') throw new Error(`coordinate_transformation_mode '${ct}' is not half_pixel or output_half_pixel`);
    return one(x.dtype, [r.dims[0], x.dims[1], attrNumber(attrs, 'output_height', 1), attrNumber(attrs, 'output_width', 1)]);
  },
};

export interface RoiAlignOptions {
  outputSize: [number, number];
  /** Scale from roi coordinates to X's grid (1 / feature stride). */
  spatialScale?: number;
  /** Samples per bin along each axis; 0 = adaptive ceil(roi size / output size). */
  samplingRatio?: number;
  mode?: 'avg' | 'max';
  /** 'half_pixel' (aligned=True in torchvision) or 'output_half_pixel' (legacy, aligned=False). */
  coordinateTransformationMode?: 'half_pixel' | 'output_half_pixel';
}

/** Bilinearly pooled [R, C, oh, ow] features of boxes rois [R, 4] from the images batchIndices [R]. */
export function roiAlign(x: Value, rois: Value, batchIndices: Value, o: RoiAlignOptions): Value {
  return x.builder.node1('RoiAlign', [x, rois, batchIndices], {
    output_height: o.outputSize[0],
    output_width: o.outputSize[1],
    spatial_scale: float(o.spatialScale ?? 1),
    sampling_ratio: o.samplingRatio ?? 0,
    mode: o.mode ?? 'avg',
    coordinate_transformation_mode: o.coordinateTransformationMode ?? 'half_pixel',
  });
}
