import { GraphBuilder, Value } from '@seg/onnx';
import { filterbank } from './filterbank/filterbank';
import { imagenetNormalize } from './layers';
import { mobilenetv2 } from './nets/mobilenetv2';
import { resnet18, resnet34 } from './nets/resnet-v1';
import { resnet50v2 } from './nets/resnet50v2';
import { squeezenet11 } from './nets/squeezenet';
import type { BackboneSpec, BuildContext, BuildOptions, BuiltBackbone, TapInfo } from './types';
import { heInitWeights } from './weights/seeded';
import { recordingWeights } from './weights/weight-source';

/** Every backbone seg offers, by one explicit list. */
const ALL: readonly BackboneSpec[] = [squeezenet11, resnet50v2, mobilenetv2, resnet18, resnet34, filterbank];

export const BACKBONES: Readonly<Record<string, BackboneSpec>> = Object.freeze(Object.fromEntries(ALL.map((s) => [s.name, s])));

export const backboneNames = (): string[] => ALL.map((s) => s.name);

/** The spec registered under `name`; the error lists the known names. */
export function getBackbone(name: string): BackboneSpec {
  const spec = Object.prototype.hasOwnProperty.call(BACKBONES, name) ? BACKBONES[name] : undefined;
  if (!spec) throw new Error(`unknown backbone '${name}'; known backbones: ${backboneNames().join(', ')}`);
  return spec;
}

/** Every tap of a backbone under these options (the filter bank's channel counts depend on them). */
export function backboneTaps(name: string, options: BuildOptions = {}): Record<string, TapInfo> {
  const spec = getBackbone(name);
  return spec.tapsFor ? spec.tapsFor(options) : { ...spec.taps };
}

function inputHW(size: BuildOptions['inputSize']): [number, number] {
  const [h, w] = size === undefined ? [224, 224] : typeof size === 'number' ? [size, size] : size;
  for (const d of [h, w]) if (!Number.isInteger(d) || d < 1) throw new Error(`inputSize must be positive integers, got ${JSON.stringify(size)}`);
  return [h, w];
}

/**
 * Builds backbone `name` into a graph and returns its requested taps with their stride and
 * channels. A fresh builder gets an input 'image' [batch, C, H, W] and one output per tap (named
 * after the tap); with `options.builder` the network is appended under scope `options.scope`
 * ('backbone' by default) and nothing is marked as an output.
 */
export function buildBackbone(name: string, options: BuildOptions = {}): BuiltBackbone {
  const spec = getBackbone(name);
  const available = backboneTaps(name, options);
  const requested = options.taps ?? spec.defaultTaps;
  if (requested.length === 0) throw new Error(`backbone '${name}': no taps requested; available taps: ${Object.keys(available).join(', ')}`);
  for (const t of requested) {
    if (!(t in available)) throw new Error(`backbone '${name}' has no tap '${t}'; available taps: ${Object.keys(available).join(', ')}`);
  }
  let weights = options.weights;
  if (!weights) {
    if (!spec.seeded && spec.weightsFolder) {
      throw new Error(`backbone '${name}' needs pretrained weights (folder '${spec.weightsFolder}'): pass options.weights `
        + `(in node: loadBackboneWeights('${name}') from '@seg/backbones/node')`);
    }
    weights = heInitWeights(options.seed ?? 0);
  }
  const fresh = !options.builder;
  const b = options.builder ?? new GraphBuilder({ opset: options.opset, name });
  const [h, w] = inputHW(options.inputSize);
  const channels = spec.inputChannelsFor ? spec.inputChannelsFor(options) : spec.inputChannels;
  let input = options.input;
  if (input) {
    if (input.builder !== b) throw new Error(`backbone '${name}': options.input belongs to another builder than options.builder`);
    if (input.rank !== 4 || (typeof input.dims[1] === 'number' && input.dims[1] !== channels)) {
      throw new Error(`backbone '${name}' expects an input [N, ${channels}, H, W], got [${input.dims.join(', ')}]`);
    }
  } else {
    input = b.input('image', 'float32', [options.batch ?? 1, channels, h, w]);
  }
  const x0 = input;
  const ctx: BuildContext = {
    b, weights, options, batchNorms: [],
    trainable: options.trainable ?? spec.seeded,
  };
  const scope = options.scope === undefined ? (fresh ? null : 'backbone') : options.scope;
  const body = () => {
    const x = (options.normalize ?? spec.normalizeByDefault) ? imagenetNormalize(x0) : x0;
    return spec.build(ctx, x, new Set(requested));
  };
  const all = scope ? b.scope(scope, body) : body();
  // Keep network order, and only what was asked for.
  const taps: Record<string, Value> = {};
  const meta: Record<string, TapInfo> = {};
  for (const t of Object.keys(available)) {
    if (!requested.includes(t)) continue;
    if (!all[t]) throw new Error(`backbone '${name}' did not produce tap '${t}' (a bug in its build function)`);
    taps[t] = fresh ? b.output(all[t], t) : all[t];
    meta[t] = available[t];
  }
  return { name, builder: b, input, taps, meta, batchNorms: ctx.batchNorms };
}

/**
 * The weights (name and shape) that building `name` with these options reads: what a browser
 * app must fetch, or a node loader must read. Empty for backbones that need no files.
 */
export function backboneWeightNames(name: string, options: BuildOptions = {}): { name: string; dims: number[] }[] {
  const spec = getBackbone(name);
  if (!spec.weightsFolder) return [];
  const rec = recordingWeights();
  buildBackbone(name, { ...options, weights: rec, builder: undefined, input: undefined });
  return rec.requested;
}
