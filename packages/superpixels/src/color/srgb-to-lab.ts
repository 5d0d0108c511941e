import { checkImage8, FeatureMap, Image8 } from '../types';

// sRGB (IEC 61966-2-1) primaries to CIE XYZ, D65 white, 2-degree observer.
const M = [
  0.4124564, 0.3575761, 0.1804375,
  0.2126729, 0.7151522, 0.072175,
  0.0193339, 0.119192, 0.9503041,
];
const XN = 0.95047;
const YN = 1.0;
const ZN = 1.08883;
const EPS = 216 / 24389; // (6/29)^3
const KAPPA = 24389 / 27; // (29/3)^3

// The sRGB transfer curve inverted once per byte value: 256 entries instead of a pow per pixel.
let linearLut: Float64Array | null = null;
function srgbToLinearTable(): Float64Array {
  if (linearLut) return linearLut;
  const t = new Float64Array(256);
  for (let i = 0; i < 256; i++) {
    const c = i / 255;
    t[i] = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  }
  linearLut = t;
  return t;
}

/** CIE Lab's companding function f(t). */
function fExact(t: number): number {
  return t > EPS ? Math.cbrt(t) : (KAPPA * t + 16) / 116;
}

// f(t) tabulated on [0, T_MAX] and interpolated linearly: three cube roots per pixel cost more
// than the rest of the conversion. Above EPS, |f''| <= (2/9) EPS^(-5/3) ~ 590, so the error
// with step h is <= 590 h^2 / 8 ~ 5e-6 (L* error < 1e-3); X/XN, Y/YN, Z/ZN of sRGB stay <= ~1.0001.
const F_STEPS = 4096;
const T_MAX = 1.01;
let fLut: Float64Array | null = null;
function fTable(): Float64Array {
  if (fLut) return fLut;
  const t = new Float64Array(F_STEPS + 2);
  for (let i = 0; i < t.length; i++) t[i] = fExact((i * T_MAX) / F_STEPS);
  fLut = t;
  return t;
}

/**
 * sRGB bytes to CIE L*a*b* (D65), planar [3, H, W] float32: L in [0, 100], a and b roughly in
 * [-128, 127] — the colour space SLIC clusters in (Achanta et al., TPAMI 2012, section 3).
 * Grey images are treated as R = G = B; the alpha channel of RGBA is ignored.
 */
export function srgbToLab(image: Image8): FeatureMap {
  checkImage8(image);
  const n = image.width * image.height;
  const out = new Float32Array(3 * n);
  convert(image, out, 1, n);
  return { data: out, channels: 3, height: image.height, width: image.width };
}

/** `srgbToLab` in interleaved layout [H, W, 3] (L, a, b of one pixel adjacent), as SLIC reads it. */
export function srgbToLabInterleaved(image: Image8, out: Float32Array = new Float32Array(3 * image.width * image.height)): Float32Array {
  checkImage8(image);
  if (out.length !== 3 * image.width * image.height) throw new Error(`srgbToLabInterleaved: output has ${out.length} values, expected ${3 * image.width * image.height}`);
  convert(image, out, 3, 1);
  return out;
}

/** Writes L, a, b of pixel i at out[i * pixelStride + c * channelStride]. */
function convert(image: Image8, out: Float32Array, pixelStride: number, channelStride: number): void {
  const { data, width, height, channels } = image;
  const n = width * height;
  const lut = srgbToLinearTable();
  const ft = fTable();
  // The matrix rows pre-divided by the white point, so X/XN etc. come out directly.
  const m0 = M[0] / XN, m1 = M[1] / XN, m2 = M[2] / XN;
  const m3 = M[3] / YN, m4 = M[4] / YN, m5 = M[5] / YN;
  const m6 = M[6] / ZN, m7 = M[7] / ZN, m8 = M[8] / ZN;
  const scale = F_STEPS / T_MAX;
  const gOff = channels === 1 ? 0 : 1;
  const bOff = channels === 1 ? 0 : 2;
  const c1 = channelStride;
  const c2 = 2 * channelStride;
  for (let i = 0, p = 0, o = 0; i < n; i++, p += channels, o += pixelStride) {
    const r = lut[data[p]];
    const g = lut[data[p + gOff]];
    const b = lut[data[p + bOff]];
    // f(t) by linear interpolation in the table; t >= 0 always, and t < T_MAX for sRGB.
    let u = (m0 * r + m1 * g + m2 * b) * scale;
    let j = u | 0;
    const fx = j < F_STEPS ? ft[j] + (ft[j + 1] - ft[j]) * (u - j) : fExact(u / scale);
    u = (m3 * r + m4 * g + m5 * b) * scale;
    j = u | 0;
    const fy = j < F_STEPS ? ft[j] + (ft[j + 1] - ft[j]) * (u - j) : fExact(u / scale);
    u = (m6 * r + m7 * g + m8 * b) * scale;
    j = u | 0;
    const fz = j < F_STEPS ? ft[j] + (ft[j + 1] - ft[j]) * (u - j) : fExact(u / scale);
    out[o] = 116 * fy - 16;
    out[o + c1] = 500 * (fx - fy);
    out[o + c2] = 200 * (fy - fz);
  }
}
