import { rgbToLab100 } from './color';
import { DEFAULT_SCALES, FEATURES_PER_SCALE } from './filterbank';
import { gaussianKernels } from './kernels';

/** Border index: mirror without repeating the edge (vigra REFLECT, ONNX Pad 'reflect'), or clamp ('edge'). */
function borderIndex(i: number, n: number, mirror: boolean): number {
  if (mirror) return i < 0 ? -i : i >= n ? 2 * (n - 1) - i : i;
  return i < 0 ? 0 : i >= n ? n - 1 : i;
}

/** Cross-correlates one [H, W] plane with `k` along x (axis 1) or y (axis 0), borders as the graph pads them. */
function correlate(src: Float64Array, h: number, w: number, k: Float64Array, alongX: boolean, mirror: boolean): Float64Array {
  const out = new Float64Array(h * w);
  const r = (k.length - 1) / 2;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let s = 0;
      for (let j = 0; j < k.length; j++) {
        s += alongX ? k[j] * src[y * w + borderIndex(x + j - r, w, mirror)] : k[j] * src[borderIndex(y + j - r, h, mirror) * w + x];
      }
      out[y * w + x] = s;
    }
  }
  return out;
}

/**
 * The filter bank computed directly in float64, plane by plane: the reference the ONNX graph is
 * tested against. `image` is [C, H, W] (one image); returns [channels, H, W] in the graph's order
 * (colour, then per scale the FEATURES_PER_SCALE blocks of C channels each).
 */
export function filterBankReference(
  image: Float32Array, c: number, h: number, w: number,
  options: { scales?: readonly number[]; colorSpace?: 'input' | 'lab' } = {},
): { channels: number; data: Float32Array } {
  const scales = options.scales ?? DEFAULT_SCALES;
  const planes: Float64Array[] = [];
  for (let i = 0; i < c; i++) planes.push(Float64Array.from(image.subarray(i * h * w, (i + 1) * h * w)));
  if (options.colorSpace === 'lab') {
    for (let p = 0; p < h * w; p++) {
      const lab = rgbToLab100(planes[0][p], planes[1][p], planes[2][p]);
      for (let i = 0; i < 3; i++) planes[i][p] = lab[i];
    }
  }
  const out: Float64Array[] = [...planes];
  for (const sigma of scales) {
    const k = gaussianKernels(sigma);
    const mirror = k.radius < h && k.radius < w;
    const ko = gaussianKernels(sigma / 2);
    const mirrorO = ko.radius < h && ko.radius < w;
    const blocks: Float64Array[][] = FEATURES_PER_SCALE.map(() => []);
    for (const plane of planes) {
      const d = (kx: Float64Array, ky: Float64Array) => correlate(correlate(plane, h, w, kx, true, mirror), h, w, ky, false, mirror);
      const s = d(k.g0, k.g0); const ix = d(k.g1, k.g0); const iy = d(k.g0, k.g1);
      const ixx = d(k.g2, k.g0); const iyy = d(k.g0, k.g2); const ixy = d(k.g1, k.g1);
      const sm = (p: Float64Array) => correlate(correlate(p, h, w, ko.g0, true, mirrorO), h, w, ko.g0, false, mirrorO);
      const txx = sm(ix.map((v) => v * v)); const txy = sm(ix.map((v, i) => v * iy[i])); const tyy = sm(iy.map((v) => v * v));
      const f = FEATURES_PER_SCALE.map(() => new Float64Array(h * w));
      for (let p = 0; p < h * w; p++) {
        f[0][p] = s[p];
        f[1][p] = Math.hypot(ix[p], iy[p]);
        f[2][p] = ixx[p] + iyy[p];
        const tm = (txx[p] + tyy[p]) / 2; const tr = Math.hypot((txx[p] - tyy[p]) / 2, txy[p]);
        f[3][p] = tm + tr; f[4][p] = tm - tr;
        const hm = (ixx[p] + iyy[p]) / 2; const hr = Math.hypot((ixx[p] - iyy[p]) / 2, ixy[p]);
        f[5][p] = hm + hr; f[6][p] = hm - hr;
      }
      f.forEach((v, i) => blocks[i].push(v));
    }
    for (const b of blocks) out.push(...b);
  }
  const data = new Float32Array(out.length * h * w);
  out.forEach((p, i) => data.set(p, i * h * w));
  return { channels: out.length, data };
}
