// Masks as polar rays (PolarMask, Xie et al., CVPR 2020). Pixel (row y, column x) has its centre
// at the point (x, y); ray k of n points along 2 pi k / n, (cos, sin) in image axes (y down).
export * from './mask/mask';
export * from './mask/components';
export * from './geometry/polygon';
export * from './contour/trace-border';
export * from './contour/contours';
export * from './contour/boundary-polygon';
export * from './centre/mass-centre';
export * from './centre/distance-transform';
export * from './centre/reconstruction-scorer';
export * from './centre/best-centre';
export * from './rays/angles';
export * from './rays/cast-rays';
export * from './encode/encode';
export * from './encode/polarmask-encoding';
export * from './decode/polar-to-polygon';
export * from './decode/polar-to-mask';
export * from './raster/fill-polygon';
export * from './raster/fill-polygon-opencv';
export * from './metrics/centerness';
export * from './metrics/polar-iou';
export * from './loss/polar-iou-loss';
export * from './eval/reconstruction';
