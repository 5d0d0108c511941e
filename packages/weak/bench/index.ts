// Benchmarks of @seg/weak on MoNuSeg-sized tiles (1000x1000, at the default working scale): colour
// deconvolution and Otsu (with scikit-image's rgb2hed / threshold_otsu as references when Debian's
// /usr/bin/python3 has them), feature preparation, superpixels, one GCN training step on a tile's
// graph, one pixel-FCN training step and a pixel-FCN pass over a working-scale tile.
import { measure, report } from '@seg/bench';
import { runReference } from '@seg/bench/node';
import { adam, binaryCrossEntropyWithLogits, buildTrainingStep, GraphBuilder } from '@seg/onnx';
import { Tensor } from '@seg/tensor';
import {
  blobImage, buildGcnScorer, PixelTrainer, prepareTile, stainConcentrations, StepRunner, tileGraph, tileSuperpixels, otsuThreshold,
  vertexTileStats, pixelInputStats, pixelInput, DEFAULT_CONFIG,
} from '../src';
import { nodeSessionFactory } from '../src/node';

async function reference(rgb: Uint8Array, w: number, h: number): Promise<{ rgb2hed_ms: number; threshold_otsu_ms: number; skimage_version: string } | null> {
  const rows = await runReference<{ rgb2hed_ms: number; threshold_otsu_ms: number; skimage_version: string }>({
    script: 'weak.py', modules: 'skimage, numpy', inputs: { image: new Tensor('uint8', [h, w, 3], rgb) },
  });
  return rows?.[0] ?? null;
}

async function main(): Promise<void> {
  const W = 1000; const H = 1000;
  const tile = blobImage({ width: W, height: H, blobs: 900, radius: [6, 13], seed: 1 });
  const rgb = tile.image.data;
  const ref = await reference(rgb, W, H);
  const size = `${W}x${H}`;

  // Colour deconvolution and Otsu at full resolution.
  const hed = await measure('stain-deconvolution', size, 1, () => stainConcentrations(rgb, W, H, 3));
  report(ref ? { ...hed, reference: `skimage ${ref.skimage_version} rgb2hed`, reference_ms_median: ref.rgb2hed_ms } : hed);
  const hplane = stainConcentrations(rgb, W, H, 3).subarray(0, W * H);
  const ot = await measure('otsu-threshold', `${size} float32, 256 bins`, 1, () => otsuThreshold(hplane));
  report(ref ? { ...ot, reference: `skimage ${ref.skimage_version} threshold_otsu`, reference_ms_median: ref.threshold_otsu_ms } : ot);

  // Working-scale features and superpixels (the defaults' scale and segment count).
  const D = DEFAULT_CONFIG;
  const work = prepareTile(tile.image, D.scale, D.features);
  const wsize = `${work.width}x${work.height}`;
  report(await measure(`prepare-tile (features at scale ${D.scale})`, `${size} -> ${wsize}x${work.channels}`, 1, () => prepareTile(tile.image, D.scale, D.features), { runs: 5 }));
  report(await measure('superpixels (SLIC on Lab) + vertex means', `${wsize}, ${D.superpixels.segments} segments`, 1, () => tileSuperpixels(work, D.superpixels), { runs: 5 }));
  const sp = tileSuperpixels(work, D.superpixels);
  const g = tileGraph(sp, null, {}, vertexTileStats('otsu', sp));

  // One GCN training step (forward, backward, Adam) on one tile's graph.
  const createSession = nodeSessionFactory(1);
  const E = g.rows.length;
  const b = new GraphBuilder({ opset: 17 });
  const { logits } = buildGcnScorer(b, g.channels, { hidden: [32, 32] }, { numVertices: g.numVertices, numEntries: E });
  const targets = b.input('targets', 'float32', [g.numVertices, 1]);
  const weight = b.input('weight', 'float32', [g.numVertices, 1]);
  const step = buildTrainingStep({ builder: b, loss: binaryCrossEntropyWithLogits(logits, targets, { weight }), optimizer: adam({ lr: 0.01 }) });
  const runner = await StepRunner.create(step, createSession, 'bench gcn');
  const idx = new BigInt64Array(2 * E);
  for (let k = 0; k < E; k++) { idx[k] = BigInt(g.rows[k]); idx[E + k] = BigInt(g.cols[k]); }
  const batch = {
    features: new Tensor('float32', [g.numVertices, g.channels], g.features), adj_indices: new Tensor('int64', [2, E], idx),
    adj_values: new Tensor('float32', [E], g.values), targets: new Tensor('float32', [g.numVertices, 1]), weight: new Tensor('float32', [g.numVertices, 1], new Float32Array(g.numVertices).fill(1)),
  };
  report(await measure('gcn training step [32, 32, 1]', `${g.numVertices} vertices, ${E} entries`, 1, () => runner.run(batch)));
  await runner.release();

  // Pixel FCN (the defaults' width, dilations, batch and crop): one training step, and a pass over a whole working tile.
  const { width, dilations, batch: pb, crop } = D.pixel;
  const pixel = await PixelTrainer.create({ channels: 5, model: { width, dilations }, createSession, batch: pb, crop });
  const input = pixelInput(work, pixelInputStats([work]));
  const targetsPx = new Int8Array(work.width * work.height);
  for (let y = 0; y < work.height; y++) for (let x = 0; x < work.width; x++) targetsPx[y * work.width + x] = tile.mask[Math.floor(y / D.scale) * W + Math.floor(x / D.scale)];
  const ptile = { input, width: work.width, height: work.height, targets: targetsPx, ratio: tile.ratio, error: 0.05 };
  report(await measure(`pixel FCN training step (width ${width}, dilations ${(dilations ?? []).join('/')})`, `${pb} x 5 x ${crop} x ${crop}`, 1, () => pixel.train([ptile], 1)));
  report(await measure('pixel FCN inference', wsize, 1, () => pixel.predict(input, work.width, work.height), { runs: 5 }));
  await pixel.release();
}

main().catch((e) => { console.error(e); process.exit(1); });
