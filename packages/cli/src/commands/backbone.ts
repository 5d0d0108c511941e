import type { Command } from 'commander';
import { emit, log, UsageError } from '../output';

interface CommonOptions { weights?: string; taps?: string; size?: string; opset: string; seed: string; normalize: boolean; json?: boolean }
interface ExportOptions extends CommonOptions { out: string }
interface RunOptions extends CommonOptions { image: string; threads?: string; repeat: string }

/** '224' or '512x384' (height x width). */
function parseSize(s: string): [number, number] {
  const m = /^(\d+)(?:x(\d+))?$/.exec(s.trim());
  const h = m ? Number(m[1]) : NaN;
  const w = m ? Number(m[2] ?? m[1]) : NaN;
  if (!m || h < 1 || w < 1) throw new UsageError(`--size must be a positive integer or HxW (e.g. 224 or 512x384), got '${s}'`);
  return [h, w];
}

function parseInt1(s: string, what: string, min: number): number {
  const v = Number(s);
  if (!Number.isInteger(v) || v < min) throw new UsageError(`${what} must be an integer >= ${min}, got '${s}'`);
  return v;
}

const parseTaps = (s: string | undefined): string[] | undefined => (s ? s.split(',').map((t) => t.trim()).filter(Boolean) : undefined);

/** Turns library errors about what the user asked for (unknown names, missing weights) into usage errors. */
async function asUsage<T>(f: () => Promise<T> | T): Promise<T> {
  try {
    return await f();
  } catch (e) {
    const msg = (e as Error).message;
    if (/unknown backbone|has no tap|weights not found|needs no weight files|must be|expects/.test(msg)) throw new UsageError(msg);
    throw e;
  }
}

/** Loads weights when the backbone needs them and builds it with the command's options. */
async function build(name: string, o: CommonOptions, size: [number, number]) {
  const bb = await import('@seg/backbones');
  const bbNode = await import('@seg/backbones/node');
  return asUsage(async () => {
    const spec = bb.getBackbone(name);
    if (o.weights && !spec.weightsFolder) throw new UsageError(`backbone '${name}' takes no --weights (it is ${spec.seeded ? 'initialised from --seed' : 'weights-free'})`);
    const options = {
      taps: parseTaps(o.taps), inputSize: size, opset: parseInt1(o.opset, '--opset', 13),
      seed: parseInt1(o.seed, '--seed', 0), normalize: o.normalize === false ? false : undefined,
    };
    const weightsDir = spec.weightsFolder ? bbNode.resolveWeightsDir(name, { weights: o.weights }) : null;
    const t0 = performance.now();
    const built = await bbNode.loadBackbone(name, options, { weights: weightsDir ?? undefined });
    return { built, weightsDir, buildMs: performance.now() - t0 };
  });
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

function tapTable(built: import('@seg/backbones').BuiltBackbone) {
  return Object.fromEntries(Object.entries(built.taps).map(([t, v]) => [t, { dims: v.dims, stride: built.meta[t].stride, channels: built.meta[t].channels }]));
}

function addCommon(cmd: Command): Command {
  return cmd
    .option('--weights <dir>', "the backbone's weights folder (.npy files, or a model folder with weights/); default: $SEG_MODELS or the shared models folder")
    .option('--taps <list>', 'comma-separated taps (default: the backbone\'s default taps; see `seg backbone list`)')
    .option('--opset <n>', 'ai.onnx opset', '17')
    .option('--seed <n>', 'initialisation seed of seeded backbones (resnet18, resnet34)', '0')
    .option('--no-normalize', 'do not build ImageNet mean/std normalisation into the graph (input then is already normalised)')
    .option('--json', 'print one JSON document on stdout');
}

/** `seg backbone list|export|run`: the @seg/backbones feature extractors. */
export function registerBackbone(program: Command): void {
  const backbone = program.command('backbone').description('feature-extractor backbones as ONNX graphs: list, export, run');

  backbone
    .command('list')
    .description('the registered backbones, their taps (stride, channels) and whether their weights are found')
    .option('--json', 'print one JSON document on stdout')
    .action(async (opts: { json?: boolean }) => {
      const bb = await import('@seg/backbones');
      const bbNode = await import('@seg/backbones/node');
      const result = bb.backboneNames().map((name) => {
        const spec = bb.getBackbone(name);
        let weights: string | null = null;
        let weightsError: string | null = null;
        if (spec.weightsFolder) {
          try { weights = bbNode.resolveWeightsDir(name); } catch (e) { weightsError = (e as Error).message; }
        }
        return {
          name, description: spec.description, needs_weights: !!spec.weightsFolder, seeded: spec.seeded,
          weights, weights_error: weightsError, default_taps: spec.defaultTaps, taps: bb.backboneTaps(name),
        };
      });
      emit(result, opts, (r: typeof result) => r.map((b) => [
        `${b.name}: ${b.description}`,
        `  weights: ${b.needs_weights ? (b.weights ?? `NOT FOUND (${b.weights_error})`) : b.seeded ? 'none (seeded initialisation)' : 'none needed'}`,
        `  taps: ${Object.entries(b.taps).map(([t, i]) => `${t} (stride ${i.stride ?? 'global'}, ${i.channels} ch)`).join(', ')}`,
        `  default taps: ${b.default_taps.join(', ')}`,
      ].join('\n')).join('\n'));
    });

  addCommon(backbone
    .command('export')
    .description('export a backbone as an ONNX model with its parameters baked in (written atomically)')
    .argument('<name>', 'backbone name (see `seg backbone list`)')
    .requiredOption('--out <file.onnx>', 'output model file')
    .option('--size <n|HxW>', 'input size', '224'))
    .action(async (name: string, opts: ExportOptions) => {
      const { serializeModel } = await import('@seg/onnx');
      const { writeFileAtomic } = await import('@seg/tensor/node');
      const size = parseSize(opts.size ?? '224');
      const { built, weightsDir, buildMs } = await build(name, opts, size);
      const bytes = serializeModel(built.builder, { docString: `seg backbone ${name}: taps ${Object.keys(built.taps).join(', ')}` });
      await writeFileAtomic(opts.out, bytes);
      log(`seg backbone export: ${name} -> ${opts.out} (${(bytes.length / 1e6).toFixed(1)} MB, built in ${buildMs.toFixed(0)} ms)`);
      const params = [...built.builder.parameters.values()].reduce((a, p) => a + p.tensor.size, 0);
      const result = {
        name, out: opts.out, bytes: bytes.length, opset: built.builder.opset, input: { name: built.input.name, dims: built.input.dims },
        weights: weightsDir, parameters: params, taps: tapTable(built),
      };
      emit(result, opts, (r: typeof result) => [
        `${r.name} -> ${r.out} (${(r.bytes / 1e6).toFixed(1)} MB, opset ${r.opset}, ${r.parameters} parameters)`,
        `input ${r.input.name} [${r.input.dims.join(', ')}]`,
        ...Object.entries(r.taps).map(([t, i]) => `  ${t}: [${i.dims.join(', ')}] stride ${i.stride ?? 'global'}`),
      ].join('\n'));
    });

  addCommon(backbone
    .command('run')
    .description('run a backbone on one image: tap shapes, timing, and the top-5 ImageNet classes for squeezenet1.1')
    .argument('<name>', 'backbone name (see `seg backbone list`)')
    .requiredOption('--image <file>', 'input image (PNG, JPEG, WebP, ...)')
    .option('--size <n|HxW>', 'resize the image to this input size (default 224; the filter bank keeps the image size)')
    .option('--threads <n>', 'onnxruntime intra-op threads')
    .option('--repeat <n>', 'timed runs after the first (the median is reported)', '0'))
    .action(async (name: string, opts: RunOptions) => {
      const { serializeModel } = await import('@seg/onnx');
      const { createNodeSession } = await import('@seg/runtime/node');
      const { readImage } = await import('@seg/tensor/node');
      const { resizeImage, imageToNchw } = await import('@seg/tensor');
      const threads = opts.threads === undefined ? undefined : parseInt1(opts.threads, '--threads', 1);
      const repeat = parseInt1(opts.repeat, '--repeat', 0);
      await asUsage(async () => (await import('@seg/backbones')).getBackbone(name));
      const decoded = await readImage(opts.image, { channels: 3 }).catch((e: Error) => { throw new UsageError(e.message); });
      const size: [number, number] = opts.size ? parseSize(opts.size) : name === 'filterbank' ? [decoded.height, decoded.width] : [224, 224];
      const img = size[0] === decoded.height && size[1] === decoded.width ? decoded : resizeImage(decoded, { height: size[0], width: size[1] });
      // RGB in [0, 1]; ImageNet normalisation is part of the graph unless --no-normalize.
      const x = imageToNchw(img);
      const { built, weightsDir, buildMs } = await build(name, opts, size);
      const t0 = performance.now();
      const session = await createNodeSession(serializeModel(built.builder), { threads }, name);
      const loadMs = performance.now() - t0;
      const t1 = performance.now();
      const out = await session.run({ [built.input.name]: x });
      const firstMs = performance.now() - t1;
      const times: number[] = [];
      for (let i = 0; i < repeat; i++) { const t = performance.now(); await session.run({ [built.input.name]: x }); times.push(performance.now() - t); }
      times.sort((a, b) => a - b);
      await session.release();
      const taps = Object.fromEntries(Object.keys(built.taps).map((t) => {
        const d = out[t].data as Float32Array;
        let lo = Infinity; let hi = -Infinity; let finite = true;
        for (const v of d) { if (!Number.isFinite(v)) finite = false; else { if (v < lo) lo = v; if (v > hi) hi = v; } }
        return [t, { dims: out[t].dims, stride: built.meta[t].stride, channels: built.meta[t].channels, min: lo, max: hi, finite }];
      }));
      let top5: { class: number; logit: number }[] | null = null;
      if (name === 'squeezenet1.1' && out.logits) {
        const l = out.logits.data as Float32Array;
        top5 = [...l.keys()].sort((a, b) => l[b] - l[a]).slice(0, 5).map((c) => ({ class: c, logit: l[c] }));
      }
      const result = {
        name, image: opts.image, image_size: [decoded.height, decoded.width], input_size: size, weights: weightsDir, threads: threads ?? null,
        build_ms: round(buildMs), session_ms: round(loadMs), first_run_ms: round(firstMs),
        run_ms_median: times.length ? round(times[Math.floor((times.length - 1) / 2)]) : null, taps, top5,
      };
      emit(result, opts, (r: typeof result) => [
        `${r.name} on ${r.image} (${r.image_size.join('x')} -> ${r.input_size.join('x')}): build ${r.build_ms.toFixed(0)} ms, session ${r.session_ms.toFixed(0)} ms, first run ${r.first_run_ms.toFixed(1)} ms${r.run_ms_median !== null ? `, median ${r.run_ms_median.toFixed(1)} ms` : ''}`,
        ...Object.entries(r.taps).map(([t, i]) => `  ${t}: [${i.dims.join(', ')}] stride ${i.stride ?? 'global'}, range [${i.min.toPrecision(4)}, ${i.max.toPrecision(4)}]${i.finite ? '' : ' NON-FINITE VALUES'}`),
        ...(r.top5 ? [`top-5 ImageNet classes: ${r.top5.map((c) => `${c.class} (${c.logit.toFixed(2)})`).join(', ')}`] : []),
      ].join('\n'));
    });
}
