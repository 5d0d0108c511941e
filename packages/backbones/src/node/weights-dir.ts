import { existsSync, promises as fs } from 'fs';
import * as path from 'path';
import { Tensor } from '@seg/tensor';
import { readNpy, sharedPath } from '@seg/tensor/node';
import { backboneWeightNames, buildBackbone, getBackbone } from '../registry';
import type { BuildOptions, BuiltBackbone } from '../types';
import { WeightSource, weightsFromMap } from '../weights/weight-source';

export interface WeightsLocation {
  /** A backbone's weights folder (holding the `.npy` files, or a model folder with a `weights/` subfolder). */
  weights?: string;
  /** The models folder holding one subfolder per backbone; default $SEG_MODELS, else the shared folder's models/. */
  modelsDir?: string;
}

/** The models folder: explicit, $SEG_MODELS, or `models/` of the shared folder; null when none exists. */
export function modelsDir(explicit?: string): string | null {
  const dir = explicit ?? process.env.SEG_MODELS;
  if (dir) return existsSync(dir) ? path.resolve(dir) : null;
  return sharedPath('models');
}

/** Accepts a model folder (with `weights/`) or the weights folder itself. */
function weightsSubfolder(dir: string): string {
  const sub = path.join(dir, 'weights');
  return existsSync(sub) ? sub : dir;
}

/** The folder of `.npy` files for backbone `name`; throws a "weights not found" error saying where it looked. */
export function resolveWeightsDir(name: string, where: WeightsLocation = {}): string {
  const spec = getBackbone(name);
  if (!spec.weightsFolder) throw new Error(`backbone '${name}' needs no weight files`);
  if (where.weights) {
    if (!existsSync(where.weights)) throw new Error(`weights not found for backbone '${name}': ${where.weights} does not exist`);
    return weightsSubfolder(path.resolve(where.weights));
  }
  const root = modelsDir(where.modelsDir);
  if (!root) {
    const asked = where.modelsDir ?? process.env.SEG_MODELS;
    throw new Error(`weights not found for backbone '${name}': ${asked ? `models folder ${asked} does not exist` : 'no models folder (SEG_MODELS is unset and there is no shared/models beside the repository)'}; `
      + `pass a weights folder (--weights <dir>) or set SEG_MODELS`);
  }
  const dir = path.join(root, spec.weightsFolder);
  if (!existsSync(dir)) throw new Error(`weights not found for backbone '${name}': ${dir} does not exist (expected folder '${spec.weightsFolder}' in ${root})`);
  return weightsSubfolder(dir);
}

/** Reads the named `.npy` files (or every `.npy` file) of a folder into a weight source. */
export async function loadWeightsDir(dir: string, names?: readonly string[]): Promise<WeightSource & { names: string[] }> {
  let files: string[];
  try {
    files = (await fs.readdir(dir)).filter((f) => f.endsWith('.npy'));
  } catch (e) {
    throw new Error(`weights not found: cannot list ${dir}: ${(e as Error).message}`);
  }
  const available = new Set(files.map((f) => f.slice(0, -4)));
  const wanted = names ? [...new Set(names)] : [...available].sort();
  const missing = wanted.filter((n) => !available.has(n));
  if (missing.length) {
    throw new Error(`weights not found: ${missing.length} of ${wanted.length} weight files missing in ${dir} (first: ${missing.slice(0, 3).map((m) => `${m}.npy`).join(', ')})`);
  }
  const map = new Map<string, Tensor>();
  await Promise.all(wanted.map(async (n) => { map.set(n, await readNpy(path.join(dir, `${n}.npy`))); }));
  return { ...weightsFromMap(map, dir), names: wanted };
}

/** Reads exactly the weights backbone `name` needs under `options` (only the requested taps' layers). */
export async function loadBackboneWeights(name: string, options: BuildOptions = {}, where: WeightsLocation = {}): Promise<WeightSource> {
  const dir = resolveWeightsDir(name, where);
  return loadWeightsDir(dir, backboneWeightNames(name, options).map((w) => w.name));
}

/** buildBackbone with pretrained weights read from disk when the backbone needs them. */
export async function loadBackbone(name: string, options: BuildOptions = {}, where: WeightsLocation = {}): Promise<BuiltBackbone> {
  const spec = getBackbone(name);
  const weights = options.weights ?? (spec.weightsFolder ? await loadBackboneWeights(name, options, where) : undefined);
  return buildBackbone(name, { ...options, weights });
}

/** The model folder's `test_data_set` (reference inputs/outputs of the zoo), or null. */
export function referenceDataDir(name: string, where: WeightsLocation = {}): string | null {
  const spec = getBackbone(name);
  const root = modelsDir(where.modelsDir);
  if (!spec.weightsFolder || !root) return null;
  const dir = path.join(root, spec.weightsFolder, 'test_data_set');
  return existsSync(dir) ? dir : null;
}
