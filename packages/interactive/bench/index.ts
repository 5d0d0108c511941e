// Benchmarks of method 5: feature extraction at 512x512 per backbone (1 and 2 threads), and the
// time of one click (train + predict + up-sample + refine) once the image's features are cached.
// Pretrained backbones are skipped (with a line saying so) when their weights are not on disk.
import { measure, report, BenchResult } from '@seg/bench';
import { createNodeSession } from '@seg/runtime/node';
import { createImage, imageToNchw, ImageU8, resizeImage } from '@seg/tensor';
import { readImage, sharedPath } from '@seg/tensor/node';
import { serializeModel } from '@seg/onnx';
import { buildFeatureGraph, Click, DEFAULT_TAPS, FeatureGrid, InteractiveSegmenter, nextClick, SegmenterOptions, SuperpixelGraph } from '../src';
import { gtFromMask } from '../src/eval/evaluate';
import { loadInteractiveBackbone } from '../src/node';
import { texturedDisc } from '../src/testing/synthetic-scene';

const BACKBONES = ['resnet50v2', 'mobilenetv2', 'filterbank'];

/** GrabCut's flower (600x450) and its ground truth when the shared data is there, else a synthetic disc. */
async function benchScene(): Promise<{ image: ImageU8; gt: Uint8Array; source: string }> {
  const img = sharedPath('data', 'grabcut', 'images', 'flower.jpg');
  const mask = sharedPath('data', 'grabcut', 'masks', 'flower.png');
  if (img && mask) {
    const m = await readImage(mask, { channels: 1 });
    return { image: await readImage(img, { channels: 3 }), gt: gtFromMask(m.data), source: 'grabcut/flower' };
  }
  const s = texturedDisc(600, 450);
  return { image: s.image, gt: s.gt, source: 'synthetic textured disc' };
}

function quantile(sorted: number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos), hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

function summarize(name: string, size: string, threads: number, times: number[], extra: Record<string, unknown>): BenchResult {
  const t = [...times].sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 1000) / 1000;
  return { name, size, threads, ms_median: r(quantile(t, 0.5)), ms_p10: r(quantile(t, 0.1)), ms_p90: r(quantile(t, 0.9)), n: t.length, ...extra };
}

async function main(): Promise<void> {
  const scene = await benchScene();
  const square = resizeImage(scene.image, { width: 512, height: 512 });
  for (const name of BACKBONES) {
    let weights;
    try {
      weights = (await loadInteractiveBackbone(name)).weights;
    } catch (e) {
      process.stderr.write(`skipping ${name}: ${(e as Error).message}\n`);
      continue;
    }
    // Feature extraction: the method's feature graph (taps resized to the stride-8 grid, concatenated).
    const g = buildFeatureGraph({ backbone: name, weights, imageSize: [512, 512] });
    const model = serializeModel(g.builder);
    const input = imageToNchw(square);
    for (const threads of [1, 2]) {
      const session = await createNodeSession(model, { threads }, `${name} features`);
      report({ ...(await measure(`interactive/features/${name}`, '512x512', threads, () => session.run({ image: input }), { warmup: 1, runs: 10, maxMs: 20000 })), taps: (DEFAULT_TAPS[name] ?? []).join('+'), channels: g.channels, grid: g.grid.join('x') });
      await session.release();
    }

    // One click with cached features: replay clicks 1..k-1 untimed, time click k (as a user adds it).
    for (const threads of [1, 2]) {
      for (const solver of ['dual', 'engine'] as const) {
        const options: SegmenterOptions = { backbone: name, weights, solver, createSession: (b, l) => createNodeSession(b, { threads }, l) };
        const seg = new InteractiveSegmenter(options);
        const grid0: FeatureGrid = await seg.setImage(scene.image);
        const graph: SuperpixelGraph | null = seg.currentRefinement();
        // the simulated user's clicks on this image
        const clicks: Click[] = [];
        let mask: Uint8Array = new Uint8Array(scene.image.width * scene.image.height);
        for (let k = 0; k < 20; k++) {
          const c = nextClick(scene.gt, mask, scene.image.width, scene.image.height);
          if (!c) break;
          clicks.push(c);
          mask = (await seg.predict(clicks)).mask;
        }
        for (const k of [1, 5, 10, 20]) {
          if (k > clicks.length) continue;
          const times: number[] = [];
          const parts = { train: 0, predict: 0, upsample: 0, refine: 0, rows: 0, iterations: 0 };
          const reps = solver === 'engine' ? 2 : 5;
          for (let rep = 0; rep < reps; rep++) {
            await seg.setFeatures({ ...grid0 }, graph); // a fresh copy: no cached cell products
            for (let j = 1; j < k; j++) await seg.predict(clicks.slice(0, j));
            const t0 = performance.now();
            const p = await seg.predict(clicks.slice(0, k));
            times.push(performance.now() - t0);
            parts.train += p.ms.train / reps; parts.predict += p.ms.predict / reps; parts.upsample += p.ms.upsample / reps; parts.refine += p.ms.refine / reps;
            parts.rows = p.fit.rows; parts.iterations += p.fit.iterations / reps;
          }
          const r = (x: number) => Math.round(x * 100) / 100;
          report(summarize(`interactive/click/${name}/${solver}`, `${scene.image.width}x${scene.image.height}`, threads, times, {
            click: k, scene: scene.source, rows: parts.rows, iterations: r(parts.iterations),
            train_ms: r(parts.train), predict_ms: r(parts.predict), upsample_ms: r(parts.upsample - parts.refine), refine_ms: r(parts.refine),
            reference: 'methods.md: ~6-9 ms per click (train + dense prediction) in PyTorch CPU, without refinement',
          }));
        }
        await seg.release();
      }
    }
  }
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack}\n`);
  process.exit(1);
});
