import { serializeModel } from '@seg/onnx';
import { createNodeSession } from '@seg/runtime/node';
import { Rng, Tensor } from '@seg/tensor';
import { buildBackbone } from '../registry';
import type { BuildOptions } from '../types';
import { rgbToLab100 } from './color';
import { FEATURES_PER_SCALE } from './filterbank';
import { gaussianKernels } from './kernels';
import { filterBankReference } from './reference';

const F = FEATURES_PER_SCALE.length;

/** Runs the filter bank graph on one [C, H, W] image and returns the requested taps. */
async function runBank(img: Float32Array, c: number, h: number, w: number, options: BuildOptions, taps = ['features']) {
  const bb = buildBackbone('filterbank', { ...options, channels: c, inputSize: [h, w], taps });
  const s = await createNodeSession(serializeModel(bb.builder));
  const out = await s.run({ image: new Tensor('float32', [1, c, h, w], img) });
  await s.release();
  return out;
}

/** Channel k of a [1, C, H, W] result at (y, x). */
const at = (t: Tensor, k: number, y: number, x: number) => t.data[(k * t.dims[2] + y) * t.dims[3] + x] as number;

describe('filter bank', () => {
  it.each([
    ['mirrored borders', 2, 30, 26, [0.7, 1.6, 3]],
    ['edge borders when a kernel is wider than the image', 1, 12, 10, [1, 5]],
  ] as const)('matches the float64 TypeScript reference on every channel (%s)', async (_, c, h, w, scales) => {
    const img = new Float32Array(c * h * w);
    new Rng(9).fillUniform(img);
    const got = (await runBank(img, c, h, w, { scales })).features;
    const ref = filterBankReference(img, c, h, w, { scales });
    expect(got.dims).toEqual([1, ref.channels, h, w]);
    expect(ref.channels).toBe(c + F * c * scales.length);
    for (let k = 0; k < ref.channels; k++) {
      let d = 0; let m = 1e-3;
      for (let p = 0; p < h * w; p++) {
        d = Math.max(d, Math.abs((got.data[k * h * w + p] as number) - ref.data[k * h * w + p]));
        m = Math.max(m, Math.abs(ref.data[k * h * w + p]));
      }
      expect([k, d / m < 1e-4]).toEqual([k, true]);
    }
  });

  it('smooths a delta into the Gaussian kernel', async () => {
    const n = 41; const cy = 20; const cx = 18; const sigma = 2;
    const img = new Float32Array(n * n);
    img[cy * n + cx] = 1;
    const s = (await runBank(img, 1, n, n, { scales: [sigma] }, ['sigma2'])).sigma2; // channel 0: smoothing
    const { g0, radius: r } = gaussianKernels(sigma);
    for (let dy = -r; dy <= r; dy++) for (let dx = -r; dx <= r; dx++) {
      expect(at(s, 0, cy + dy, cx + dx)).toBeCloseTo(g0[r + dy] * g0[r + dx], 6);
    }
    expect(at(s, 0, cy, cx + r + 1)).toBe(0);
  });

  it('gives the gradient magnitude and structure tensor of a linear ramp, and the Hessian of a quadratic, away from borders', async () => {
    const n = 48; const a = 0.3; const b = -0.2; const p = 0.02; const q = -0.01;
    const img = new Float32Array(2 * n * n);
    for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) {
      img[y * n + x] = a * x + b * y; // channel 0: ramp
      img[n * n + y * n + x] = (p * (x - 24) ** 2) / 2 + (q * (y - 20) ** 2) / 2; // channel 1: quadratic
    }
    const sigma = 1.6;
    const t = (await runBank(img, 2, n, n, { scales: [sigma] }, ['sigma1.6']))['sigma1.6'];
    // Block k of the scale's output, channel ch: index k * 2 + ch.
    const f = (k: typeof FEATURES_PER_SCALE[number], ch: number, y: number, x: number) => at(t, FEATURES_PER_SCALE.indexOf(k) * 2 + ch, y, x);
    const margin = gaussianKernels(sigma).radius + gaussianKernels(sigma / 2).radius;
    for (let y = margin; y < n - margin; y += 3) for (let x = margin; x < n - margin; x += 3) {
      expect(f('gradient_magnitude', 0, y, x)).toBeCloseTo(Math.hypot(a, b), 5);
      expect(f('smooth', 0, y, x)).toBeCloseTo(a * x + b * y, 4);
      expect(f('structure_tensor_max', 0, y, x)).toBeCloseTo(a * a + b * b, 5);
      expect(f('structure_tensor_min', 0, y, x)).toBeCloseTo(0, 5);
      expect(f('hessian_max', 0, y, x)).toBeCloseTo(0, 5);
      expect(f('laplacian', 1, y, x)).toBeCloseTo(p + q, 5);
      expect(f('hessian_max', 1, y, x)).toBeCloseTo(p, 5);
      expect(f('hessian_min', 1, y, x)).toBeCloseTo(q, 5);
    }
  });

  it('converts sRGB to CIELAB / 100 in the colour tap, filters Lab, and pools the strided taps', async () => {
    rgbToLab100(1, 1, 1).forEach((v, i) => expect(v).toBeCloseTo([1, 0, 0][i], 4));
    // Pure red is L* 53.24, a* 80.09, b* 67.20 (CIE 1976, D65).
    rgbToLab100(1, 0, 0).forEach((v, i) => expect(v).toBeCloseTo([0.5324, 0.8009, 0.672][i], 3));
    const h = 8; const w = 12;
    const img = new Float32Array(3 * h * w);
    new Rng(4).fillUniform(img);
    img.fill(0.02, 0, 5); // a few red values below sRGB's linear threshold
    const out = await runBank(img, 3, h, w, { colorSpace: 'lab', scales: [0.7] }, ['color', 'features', 'features_s4']);
    for (let pix = 0; pix < h * w; pix++) {
      const lab = rgbToLab100(img[pix], img[h * w + pix], img[2 * h * w + pix]);
      for (let c = 0; c < 3; c++) expect(out.color.data[c * h * w + pix]).toBeCloseTo(lab[c], 4);
    }
    const ref = filterBankReference(img, 3, h, w, { colorSpace: 'lab', scales: [0.7] });
    for (let i = 0; i < ref.data.length; i++) expect(out.features.data[i]).toBeCloseTo(ref.data[i], 3);
    expect(out.features_s4.dims).toEqual([1, 3 + 3 * F, 2, 3]);
    let mean = 0;
    for (let y = 4; y < 8; y++) for (let x = 8; x < 12; x++) mean += at(out.features, 10, y, x) / 16;
    expect(at(out.features_s4, 10, 1, 2)).toBeCloseTo(mean, 5);
  });

  it('rejects bad options with clear messages', () => {
    expect(() => buildBackbone('filterbank', { scales: [] })).toThrow(/scales must be positive numbers, got \[\]/);
    expect(() => buildBackbone('filterbank', { colorSpace: 'lab', channels: 1 })).toThrow(/'lab' needs 3 \(sRGB\) channels, got 1/);
    expect(() => buildBackbone('filterbank', { taps: ['sigma2'] })).toThrow(/no tap 'sigma2'; available taps: color, sigma0.7, sigma1, sigma1.6/);
  });
});
