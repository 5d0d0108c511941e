// Benchmarks of SLIC at 512x512, one thread, with scikit-image's slic on the same pixels as the
// reference (scripts/reference/slic.py times the slic() call alone, median of several runs).
import { measure, report } from '@seg/bench';
import { REFERENCE_PYTHON, referencePythonHas, runReference } from '@seg/bench/node';
import { resizeImage, Tensor } from '@seg/tensor';
import { readImage, sharedPath } from '@seg/tensor/node';
import { execFileSync } from 'child_process';
import { downsampleFeatures, FeatureMap, Image8, slic, slicImage, srgbToLab } from '../src';
import { shapesImage } from '../src/testing/synthetic';

const SIZE = 512;
const SEGMENTS = [256, 1024, 4096];

/** A BSDS500 image resized to 512x512 when the shared data is there, else a synthetic one. */
async function benchImage(): Promise<{ image: Image8; source: string }> {
  const file = sharedPath('data', 'bsds500', 'images', '101084.jpg');
  if (file) {
    const img = resizeImage(await readImage(file, { channels: 3 }), { width: SIZE, height: SIZE });
    return { image: { data: img.data, width: SIZE, height: SIZE, channels: 3 }, source: 'bsds500/101084 resized' };
  }
  return { image: shapesImage(SIZE, SIZE, 10).image, source: 'synthetic shapes, noise 10' };
}

/** The map followed by box-blurred copies of it (radius r per copy): a simple multi-scale feature map. */
function stackSmoothed(f: FeatureMap, radii: number[]): FeatureMap {
  const { width: w, height: h, channels: c } = f;
  const n = w * h;
  const out = new Float32Array(c * (1 + radii.length) * n);
  out.set(f.data);
  const tmp = new Float32Array(n);
  radii.forEach((r, j) => {
    for (let ch = 0; ch < c; ch++) {
      const src = f.data.subarray(ch * n, (ch + 1) * n);
      const dst = out.subarray(((1 + j) * c + ch) * n, ((2 + j) * c + ch) * n);
      for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
        let s = 0; let k = 0;
        for (let xx = Math.max(0, x - r); xx <= Math.min(w - 1, x + r); xx++, k++) s += src[y * w + xx];
        tmp[y * w + x] = s / k;
      }
      for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
        let s = 0; let k = 0;
        for (let yy = Math.max(0, y - r); yy <= Math.min(h - 1, y + r); yy++, k++) s += tmp[yy * w + x];
        dst[y * w + x] = s / k;
      }
    }
  });
  return { data: out, channels: c * (1 + radii.length), width: w, height: h };
}

function skimageVersion(): string | null {
  if (!referencePythonHas('skimage')) return null;
  return execFileSync(REFERENCE_PYTHON, ['-c', 'import skimage; print(skimage.__version__)'], { encoding: 'utf8' }).trim();
}

interface ReferenceTiming { segments_requested: number; segments: number; ms_median: number; ms_p10: number; ms_p90: number; cpu_ms_median: number; n: number }

/** Median process CPU ms of `fn` over `runs` (after `measure` warmed it up): user + system time. */
function cpuMedian(fn: () => unknown, runs = 9): number {
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const a = process.cpuUsage();
    fn();
    const d = process.cpuUsage(a);
    t.push((d.user + d.system) / 1000);
  }
  t.sort((x, y) => x - y);
  return Math.round(t[runs >> 1] * 1000) / 1000;
}

/** scikit-image's slic on the same pixels (scripts/reference/slic.py), or null without it. */
async function referenceTiming(image: Tensor, segments: number): Promise<ReferenceTiming | null> {
  const rows = await runReference<ReferenceTiming>({ script: 'slic.py', modules: 'skimage', args: ['time', '--segments', String(segments), '--runs', '9'], inputs: { image } });
  return rows?.[rows.length - 1] ?? null;
}

async function main(): Promise<void> {
  const { image, source } = await benchImage();
  const skimage = skimageVersion();
  const pixels = new Tensor('uint8', [SIZE, SIZE, 3], Uint8Array.from(image.data));
  for (const segments of SEGMENTS) {
    let count = 0;
    const run = () => { count = slicImage(image, { segments }).count; };
    const r = await measure('slic-lab', `${SIZE}x${SIZE}/K${segments}`, 1, run, { warmup: 3, runs: 15 });
    const cpu = cpuMedian(run);
    const ref = skimage ? await referenceTiming(pixels, segments) : null;
    report({
      ...r, cpu_ms_median: cpu, image: source, segments_requested: segments, segments: count, ...(ref ? {
        reference: `scikit-image ${skimage} slic`, reference_ms_median: ref.ms_median, reference_ms_p10: ref.ms_p10,
        reference_ms_p90: ref.ms_p90, reference_cpu_ms_median: ref.cpu_ms_median, reference_segments: ref.segments,
        speedup: Math.round((ref.ms_median / r.ms_median) * 100) / 100,
        cpu_speedup: Math.round((ref.cpu_ms_median / cpu) * 100) / 100,
      } : {}),
    });
  }
  // Variants: plain k-means (no row subsampling), and SLIC on the half-resolution image.
  for (const [name, opts] of [['slic-lab-subsample1', { subsample: 1 }], ['slic-lab-scale0.5', { scale: 0.5 }]] as const) {
    let count = 0;
    const r = await measure(name, `${SIZE}x${SIZE}/K1024`, 1, () => { count = slicImage(image, { segments: 1024, ...opts }).count; }, { warmup: 3, runs: 15 });
    report({ ...r, image: source, segments: count });
  }
  // Method 1's setting: a feature map at half scale, Lab plus two box-smoothed copies (9 channels).
  const half = downsampleFeatures(srgbToLab(image), SIZE / 2, SIZE / 2);
  const features = stackSmoothed(half, [2, 5]);
  let count = 0;
  const r = await measure('slic-features-c9', `9x${SIZE / 2}x${SIZE / 2}/K1024`, 1, () => { count = slic(features, { segments: 1024 }).count; }, { warmup: 3, runs: 15 });
  report({ ...r, image: source, segments: count });
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack}\n`);
  process.exit(1);
});
