import { existsSync, promises as fs } from 'fs';
import * as path from 'path';
import { writeFileAtomic } from '@seg/tensor/node';
import type { Tensor } from '@seg/tensor';
import { decodeSafetensors, encodeSafetensors } from '@seg/train';
import { exportGcn } from '../gcn/gcn-trainer';
import { BASE_CHANNELS } from '../features/pixel-features';
import { WEAK_MODEL_FORMAT, WEAK_MODEL_VERSION, WeakModel } from '../model/weak-model';
import { exportPixelFcn } from '../pixel/pixel-trainer';
import { resolveConfig } from '../pipeline/config';
import type { TrainState } from '../pipeline/train-weak';

/**
 * A model folder: `model.json` (configuration, statistics, thresholds, training summary),
 * `gcn.safetensors` / `pixel.safetensors` (trained values) and self-contained ONNX exports
 * `gcn.onnx` / `pixel.onnx` for other runtimes. Every file is written atomically; model.json last,
 * so a folder with a model.json is complete.
 */
export async function saveWeakModel(dir: string, model: WeakModel): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  const files: Record<string, string> = {};
  if (model.gcn) {
    await writeFileAtomic(path.join(dir, 'gcn.safetensors'), encodeSafetensors(model.gcn, { format: WEAK_MODEL_FORMAT }));
    const gcnChannels = (model.config.standardize === 'set+tile' ? 2 : 1) * model.vertexChannels;
    await writeFileAtomic(path.join(dir, 'gcn.onnx'), exportGcn(gcnChannels, model.config.gcn, model.gcn));
    files.gcn = 'gcn.safetensors';
  }
  if (model.pixel) {
    await writeFileAtomic(path.join(dir, 'pixel.safetensors'), encodeSafetensors(model.pixel, { format: WEAK_MODEL_FORMAT }));
    await writeFileAtomic(path.join(dir, 'pixel.onnx'), exportPixelFcn(BASE_CHANNELS, model.config.pixel, model.pixel));
    files.pixel = 'pixel.safetensors';
  }
  const doc = {
    format: WEAK_MODEL_FORMAT, version: WEAK_MODEL_VERSION, config: model.config, vertexChannels: model.vertexChannels,
    vertexStats: model.vertexStats, pixelStats: model.pixelStats, thresholds: model.thresholds, summary: model.summary, files,
  };
  await writeFileAtomic(path.join(dir, 'model.json'), `${JSON.stringify(doc, null, 2)}\n`);
}

async function readValues(file: string): Promise<Map<string, Tensor>> {
  const bytes = await fs.readFile(file);
  return decodeSafetensors(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), file).tensors;
}

export async function loadWeakModel(dir: string): Promise<WeakModel> {
  const file = path.join(dir, 'model.json');
  if (!existsSync(file)) throw new Error(`no method-1 model in ${dir} (model.json not found); train one with 'seg weak train --out ${dir}'`);
  let doc: Record<string, unknown>;
  try { doc = JSON.parse(await fs.readFile(file, 'utf8')); } catch (e) { throw new Error(`${file}: not valid JSON (${(e as Error).message})`); }
  if (doc.format !== WEAK_MODEL_FORMAT) throw new Error(`${file}: not a method-1 model (format ${JSON.stringify(doc.format)}, expected '${WEAK_MODEL_FORMAT}')`);
  if (doc.version !== WEAK_MODEL_VERSION) throw new Error(`${file}: model version ${String(doc.version)} is not supported (expected ${WEAK_MODEL_VERSION})`);
  const files = (doc.files ?? {}) as Record<string, string>;
  return {
    config: resolveConfig(doc.config as never),
    vertexChannels: doc.vertexChannels as number,
    vertexStats: (doc.vertexStats ?? null) as WeakModel['vertexStats'],
    pixelStats: (doc.pixelStats ?? null) as WeakModel['pixelStats'],
    thresholds: doc.thresholds as WeakModel['thresholds'],
    gcn: files.gcn ? await readValues(path.join(dir, files.gcn)) : null,
    pixel: files.pixel ? await readValues(path.join(dir, files.pixel)) : null,
    summary: doc.summary as WeakModel['summary'],
  };
}

const STATE_FORMAT = 'seg-weak-train-state';
const GCN_PREFIX = 'gcn:';
const ROUND_PREFIX = 'round_start:';

/** Writes a resumable training state (one safetensors file, atomically). */
export async function saveTrainState(file: string, s: TrainState, config: unknown): Promise<void> {
  const tensors = new Map<string, Tensor>(s.values);
  for (const [k, v] of s.gcn ?? []) tensors.set(GCN_PREFIX + k, v);
  for (const [k, v] of s.roundStart ?? []) tensors.set(ROUND_PREFIX + k, v);
  const meta = { format: STATE_FORMAT, stage: s.stage, epoch: String(s.epoch), round: String(s.round), roundStep: String(s.roundStep), runnerStep: String(s.runnerStep), kinds: JSON.stringify(s.kinds), config: JSON.stringify(config) };
  await fs.mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, encodeSafetensors(tensors, meta));
}

/** Reads a state written by saveTrainState, with the configuration it was written under. */
export async function loadTrainState(file: string): Promise<{ state: TrainState; config: unknown }> {
  const bytes = await fs.readFile(file);
  const { tensors, metadata: m } = decodeSafetensors(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), file);
  if (m.format !== STATE_FORMAT) throw new Error(`${file}: not a method-1 training state (format ${JSON.stringify(m.format)})`);
  const values = new Map<string, Tensor>(); const gcn = new Map<string, Tensor>(); const roundStart = new Map<string, Tensor>();
  for (const [k, v] of tensors) {
    if (k.startsWith(GCN_PREFIX)) gcn.set(k.slice(GCN_PREFIX.length), v);
    else if (k.startsWith(ROUND_PREFIX)) roundStart.set(k.slice(ROUND_PREFIX.length), v);
    else values.set(k, v);
  }
  const stage = m.stage === 'pixel' ? 'pixel' : 'gcn';
  return {
    state: {
      stage, epoch: Number(m.epoch), round: Number(m.round), roundStep: Number(m.roundStep), runnerStep: Number(m.runnerStep),
      values, kinds: JSON.parse(m.kinds), gcn: gcn.size ? gcn : undefined, roundStart: roundStart.size ? roundStart : undefined,
    },
    config: JSON.parse(m.config ?? 'null'),
  };
}
