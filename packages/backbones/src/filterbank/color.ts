import { op, Value } from '@seg/onnx';
import { Tensor } from '@seg/tensor';

/** sRGB (D65) to XYZ divided by the D65 white point, so that white maps to (1, 1, 1). */
export const RGB_TO_XYZN: readonly (readonly number[])[] = [
  [0.4124564 / 0.95047, 0.3575761 / 0.95047, 0.1804375 / 0.95047],
  [0.2126729, 0.7151522, 0.0721750],
  [0.0193339 / 1.08883, 0.1191920 / 1.08883, 0.9503041 / 1.08883],
];

const EPS = (6 / 29) ** 3;

/** CIELAB divided by 100 of sRGB in [0, 1]: L in [0, 1], a and b roughly in [-1, 1]. Plain-number form, for references. */
export function rgbToLab100(r: number, g: number, b: number): [number, number, number] {
  const lin = (c: number) => (c <= 0.04045 ? c / 12.92 : ((Math.max(c, 0) + 0.055) / 1.055) ** 2.4);
  const rgb = [lin(r), lin(g), lin(b)];
  const f = (t: number) => (t > EPS ? Math.cbrt(t) : t / (3 * (6 / 29) ** 2) + 4 / 29);
  const [fx, fy, fz] = RGB_TO_XYZN.map((row) => f(row[0] * rgb[0] + row[1] * rgb[1] + row[2] * rgb[2]));
  return [(116 * fy - 16) / 100, (500 * (fx - fy)) / 100, (200 * (fy - fz)) / 100];
}

/**
 * The same transform as graph ops on [N, 3, H, W]: sRGB linearisation, a 1x1 convolution to
 * normalised XYZ, the CIELAB cube-root response and a 1x1 convolution to (L, a, b) / 100.
 */
export function rgbToLabGraph(x: Value): Value {
  const b = x.builder;
  return b.scope('lab', () => {
    // Step 1: sRGB -> linear RGB (both branches are evaluated; the power is fed non-negative values).
    const pow = op.pow(op.div(op.add(op.max(x, 0), 0.055), 1.055), 2.4);
    const lin = op.where(op.lessOrEqual(x, 0.04045), op.div(x, 12.92), pow);
    // Step 2: linear RGB -> XYZ / white point.
    const m = b.constant(Tensor.fromArray('float32', [3, 3, 1, 1], RGB_TO_XYZN.flat()));
    const xyz = op.conv(lin, m);
    // Step 3: CIELAB's f(t), cube root above (6/29)^3 and linear below.
    const cube = op.pow(op.max(xyz, EPS), 1 / 3);
    const f = op.where(op.greater(xyz, EPS), cube, op.add(op.div(xyz, 3 * (6 / 29) ** 2), 4 / 29));
    // Step 4: (L, a, b) / 100 = A f + c.
    const a = b.constant(Tensor.fromArray('float32', [3, 3, 1, 1], [0, 1.16, 0, 5, -5, 0, 0, 2, -2]));
    const c = b.constant(Tensor.fromArray('float32', [3], [-0.16, 0, 0]));
    return op.conv(f, a, c);
  });
}
