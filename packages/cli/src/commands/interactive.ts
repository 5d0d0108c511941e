import type { Command } from 'commander';
import { emit, log, UsageError } from '../output';
import { numberOption } from './options';

interface PredictOptions {
  image: string;
  click: string[];
  out?: string;
  probability?: string;
  backbone: string;
  weights?: string;
  refine: string;
  solver: string;
  classes?: string;
  superpixels: string;
  smoothness: string;
  components?: boolean;
  threads?: string;
  json?: boolean;
}

const REFINES = ['graphcut', 'superpixels', 'none'];
const SOLVERS = ['dual', 'engine'];

/** 'x,y,label' (label defaults to 1). */
export function parseClick(s: string): { x: number; y: number; label: number } {
  const parts = s.split(',').map((p) => p.trim());
  const nums = parts.map(Number);
  if ((parts.length !== 2 && parts.length !== 3) || parts.some((p) => p === '') || nums.some((v) => !Number.isFinite(v))) {
    throw new UsageError(`--click must be x,y[,label] (pixels; label 1 = object, 0 = background, or a class index), got '${s}'`);
  }
  const label = parts.length === 3 ? nums[2] : 1;
  if (!Number.isInteger(label) || label < 0) throw new UsageError(`--click '${s}': the label must be a non-negative integer`);
  return { x: nums[0], y: nums[1], label };
}

/** Library errors about what the user asked for (names, sizes, clicks, missing weights) become usage errors. */
export async function asUsage<T>(f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    const msg = (e as Error).message;
    if (/unknown |weights not found|takes no weights|outside the|has label|must be|expected/.test(msg)) throw new UsageError(msg);
    throw e;
  }
}

export function choice(value: string, what: string, allowed: readonly string[]): string {
  if (!allowed.includes(value)) throw new UsageError(`${what} must be one of ${allowed.join(', ')}, got '${value}'`);
  return value;
}

/** Options shared by `seg interactive predict` and `seg eval interactive`. */
export function addSegmenterOptions(cmd: Command): Command {
  return cmd
    .option('--backbone <name>', "features: auto (ResNet-50 v2 when its weights exist, else the filter bank), resnet50v2, mobilenetv2, filterbank", 'auto')
    .option('--weights <dir>', "the backbone's weights folder; default: $SEG_MODELS or the shared models folder")
    .option('--refine <mode>', `refinement: ${REFINES.join(', ')}`, 'graphcut')
    .option('--solver <name>', "classifier: 'dual' (exact L2 logistic regression) or 'engine' (Adam steps in the engine's training graph)", 'dual')
    .option('--superpixels <n>', 'SLIC superpixels of the refinement', '4000')
    .option('--smoothness <s>', 'graph-cut smoothness per boundary pixel', '32')
    .option('--no-components', 'keep object regions without a click (by default only regions containing a click of their class are kept)')
    .option('--threads <n>', 'onnxruntime intra-op threads (default: its own choice)');
}

export interface SegmenterChoice {
  backbone: string; refine: string; solver: string; superpixels: number; smoothness: number; components: boolean; threads?: number;
}

export function parseSegmenterOptions(o: { backbone: string; refine: string; solver: string; superpixels: string; smoothness: string; components?: boolean; threads?: string }): SegmenterChoice {
  return {
    backbone: o.backbone,
    components: o.components !== false,
    refine: choice(o.refine, '--refine', REFINES),
    solver: choice(o.solver, '--solver', SOLVERS),
    superpixels: numberOption(o.superpixels, '--superpixels', (v) => Number.isInteger(v) && v >= 1, 'a positive integer'),
    smoothness: numberOption(o.smoothness, '--smoothness', (v) => v >= 0, 'a number >= 0'),
    threads: o.threads === undefined ? undefined : numberOption(o.threads, '--threads', (v) => Number.isInteger(v) && v >= 1, 'a positive integer'),
  };
}

/**
 * `seg interactive predict`: method 5 on one image: features once, then the clicks given on the
 * command line train the per-click classifier and the mask is written as a PNG.
 */
export function registerInteractive(program: Command): void {
  const group = program.commands.find((c) => c.name() === 'interactive')
    ?? program.command('interactive').description('interactive few-shot segmentation from clicks (method 5)');
  addSegmenterOptions(group
    .command('predict')
    .description('segment an image from clicks: backbone features, a logistic regression on the clicked cells, graph-cut refinement')
    .requiredOption('--image <file>', 'input image (PNG, JPEG, WebP, ...)')
    .option('--click <x,y,label>', 'a click in image pixels (repeatable); label 1 = object, 0 = background (default 1), or a class index', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--classes <k>', 'number of classes (default: 2, or the largest click label + 1)')
    .option('--out <mask.png>', 'write the mask: 0/255 for two classes, the class index otherwise')
    .option('--probability <prob.png>', 'write the (refined) foreground probability as an 8-bit PNG'))
    .option('--json', 'print one JSON document on stdout')
    .action(async (opts: PredictOptions) => {
      const clicks = opts.click.map(parseClick);
      if (clicks.length === 0) throw new UsageError('give at least one --click x,y[,label]');
      const s = parseSegmenterOptions(opts);
      const maxLabel = Math.max(...clicks.map((c) => c.label));
      const classes = opts.classes === undefined ? Math.max(2, maxLabel + 1)
        : numberOption(opts.classes, '--classes', (v) => Number.isInteger(v) && v >= 2 && v <= 255, 'an integer in 2..255');
      if (maxLabel >= classes) throw new UsageError(`--click label ${maxLabel} needs --classes > ${maxLabel}, got ${classes}`);

      const { InteractiveSegmenter } = await import('@seg/interactive');
      const { loadInteractiveBackbone } = await import('@seg/interactive/node');
      const { createNodeSession } = await import('@seg/runtime/node');
      const { readImage, writeImage } = await import('@seg/tensor/node');
      const { createImage } = await import('@seg/tensor');

      const backbone = await asUsage(() => loadInteractiveBackbone(s.backbone, opts.weights));
      log(`seg interactive: ${backbone.name} features (${backbone.source})`);
      const image = await readImage(opts.image, { channels: 3 });
      const seg = new InteractiveSegmenter({
        backbone: backbone.name, weights: backbone.weights, classes,
        refine: s.refine as 'graphcut', solver: s.solver as 'dual', superpixels: s.superpixels, smoothness: s.smoothness, components: s.components,
        createSession: (bytes, label) => createNodeSession(bytes, { threads: s.threads }, label),
      });
      try {
        const t0 = performance.now();
        const grid = await seg.setImage(image);
        const featureMs = performance.now() - t0;
        log(`  features ${grid.width}x${grid.height}x${grid.channels} in ${featureMs.toFixed(0)} ms`);
        const p = await asUsage(() => seg.predict(clicks));
        const area = new Array<number>(classes).fill(0);
        for (const v of p.mask) area[v]++;
        if (opts.out) {
          const out = createImage(p.width, p.height, 1);
          const scale = classes === 2 ? 255 : 1;
          for (let i = 0; i < p.mask.length; i++) out.data[i] = p.mask[i] * scale;
          await writeImage(opts.out, out);
        }
        if (opts.probability) {
          const out = createImage(p.width, p.height, 1);
          for (let i = 0; i < p.probability.length; i++) out.data[i] = Math.round(Math.min(1, Math.max(0, p.probability[i])) * 255);
          await writeImage(opts.probability, out);
        }
        const round = (x: number) => Math.round(x * 1000) / 1000;
        const result = {
          image: opts.image, width: p.width, height: p.height, backbone: backbone.name, backbone_source: backbone.source,
          classes, clicks, refine: s.refine, solver: s.solver, components: s.components,
          grid: { width: grid.width, height: grid.height, channels: grid.channels },
          pixels_per_class: area,
          ms: { features: round(featureMs), train: round(p.ms.train), predict: round(p.ms.predict), upsample: round(p.ms.upsample), refine: round(p.ms.refine), click_total: round(p.ms.total) },
          fit: p.fit,
          out: opts.out ?? null, probability: opts.probability ?? null,
        };
        emit(result, opts, (r: typeof result) => [
          `${r.image}: ${r.width}x${r.height}, ${r.clicks.length} clicks, ${r.classes} classes (${r.backbone}, refine ${r.refine})`,
          `  pixels per class: ${r.pixels_per_class.join(', ')}`,
          `  features ${r.ms.features} ms; click: train ${r.ms.train} ms, predict ${r.ms.predict} ms, up-sample + refine ${r.ms.upsample} ms`,
          r.out ? `  mask written to ${r.out}` : '',
        ].filter(Boolean).join('\n'));
      } finally {
        await seg.release();
      }
    });
}
