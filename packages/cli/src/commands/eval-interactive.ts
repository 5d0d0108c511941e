import type { Command } from 'commander';
import { existsSync } from 'fs';
import { emit, log, UsageError } from '../output';
import { addSegmenterOptions, asUsage, parseSegmenterOptions } from './interactive';
import { numberOption } from './options';

interface EvalInteractiveOptions {
  data?: string;
  maxClicks: string;
  limit?: string;
  perImage?: boolean;
  backbone: string;
  weights?: string;
  refine: string;
  solver: string;
  superpixels: string;
  smoothness: string;
  components?: boolean;
  threads?: string;
  json?: boolean;
}

function evalGroup(program: Command): Command {
  return program.commands.find((c) => c.name() === 'eval')
    ?? program.command('eval').description('evaluate methods on the shared data sets');
}

/**
 * `seg eval interactive`: the standard interactive-segmentation protocol (Xu et al. 2016, as in
 * f-BRS/RITM): a simulated user clicks the centre of the largest error region, up to
 * --max-clicks times per image; NoC@85/NoC@90 count the clicks to reach that IoU (the maximum
 * when never reached), and mIoU@k is the mean IoU after k clicks.
 */
export function registerEvalInteractive(program: Command): void {
  addSegmenterOptions(evalGroup(program)
    .command('interactive')
    .description('NoC@85/NoC@90 and mIoU@k of method 5 (interactive segmentation) with the standard click simulator, on GrabCut or Berkeley')
    .option('--data <dir>', 'a folder with images/ and masks/ (GrabCut: 128 = ignored band); default: the shared data/grabcut')
    .option('--max-clicks <n>', 'clicks per image', '20')
    .option('--limit <n>', 'only the first n images (sorted by name)')
    .option('--per-image', "include every image's NoC and IoU curve in the JSON"))
    .option('--json', 'print one JSON document on stdout')
    .action(async (opts: EvalInteractiveOptions) => {
      const s = parseSegmenterOptions(opts);
      const maxClicks = numberOption(opts.maxClicks, '--max-clicks', (v) => Number.isInteger(v) && v >= 1, 'a positive integer');
      const limit = opts.limit === undefined ? Infinity : numberOption(opts.limit, '--limit', (v) => Number.isInteger(v) && v >= 1, 'a positive integer');
      const { sharedPath } = await import('@seg/tensor/node');
      const data = opts.data ?? sharedPath('data', 'grabcut');
      if (!data) throw new UsageError('no data set: pass --data <dir> (the shared data/grabcut was not found)');
      if (!existsSync(data)) throw new UsageError(`--data ${data} does not exist`);

      const { InteractiveSegmenter, evaluate } = await import('@seg/interactive');
      const { loadInteractiveBackbone, readClickDataset } = await import('@seg/interactive/node');
      const { createNodeSession } = await import('@seg/runtime/node');
      const { createImage } = await import('@seg/tensor');

      const backbone = await asUsage(() => loadInteractiveBackbone(s.backbone, opts.weights));
      log(`seg eval interactive: ${data}, ${backbone.name} features (${backbone.source}), refine ${s.refine}${s.components ? '' : ' (all components)'}, solver ${s.solver}, ${maxClicks} clicks`);
      const seg = new InteractiveSegmenter({
        backbone: backbone.name, weights: backbone.weights,
        refine: s.refine as 'graphcut', solver: s.solver as 'dual', superpixels: s.superpixels, smoothness: s.smoothness, components: s.components,
        createSession: (bytes, label) => createNodeSession(bytes, { threads: s.threads }, label),
      });
      const t0 = performance.now();
      try {
        const summary = await asUsage(() => evaluate({
          setImage: async (sample) => { await seg.setImage(createImage(sample.width, sample.height, 3, sample.rgb)); },
          predict: async (clicks) => (await seg.predict(clicks)).mask,
        }, readClickDataset(data, limit), maxClicks, (done, r) => {
          log(`  [${done}] ${r.name}: NoC@85 ${r.noc85}, NoC@90 ${r.noc90}, IoU@1 ${r.ious[0].toFixed(3)}, ${r.msPerClick.toFixed(1)} ms/click, features ${r.featureMs.toFixed(0)} ms`);
        }));
        const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;
        const result = {
          data, images: summary.images, max_clicks: maxClicks,
          backbone: backbone.name, backbone_source: backbone.source, refine: s.refine, solver: s.solver,
          superpixels: s.superpixels, smoothness: s.smoothness, components: s.components,
          noc85: round(summary.noc85, 2), noc90: round(summary.noc90, 2),
          miou: Object.fromEntries(Object.entries(summary.miou).map(([k, v]) => [k, round(v, 4)])),
          seconds_per_click: round(summary.msPerClick / 1000, 4),
          seconds_features_per_image: round(summary.msFeatures / 1000, 3),
          seconds_total: round((performance.now() - t0) / 1000, 1),
          per_image: opts.perImage ? summary.perImage.map((r) => ({ name: r.name, noc85: r.noc85, noc90: r.noc90, ious: r.ious.map((v) => round(v, 4)), ms_per_click: round(r.msPerClick, 2) })) : undefined,
        };
        emit(result, opts, (r: typeof result) => [
          `${r.images} images from ${r.data} (${r.backbone}, refine ${r.refine}, solver ${r.solver}, ${r.max_clicks} clicks)`,
          `  NoC@85 ${r.noc85}   NoC@90 ${r.noc90}`,
          `  mIoU ${Object.entries(r.miou).map(([k, v]) => `@${k} ${v}`).join('  ')}`,
          `  ${(r.seconds_per_click * 1000).toFixed(1)} ms per click, ${r.seconds_features_per_image} s features per image`,
        ].join('\n'));
      } finally {
        await seg.release();
      }
    });
}
