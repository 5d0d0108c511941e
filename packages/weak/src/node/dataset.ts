import { existsSync, promises as fs } from 'fs';
import * as path from 'path';
import { readImage } from '@seg/tensor/node';
import { parseRatioTable, RatioEntry } from './ratio-table';
import type { TrainSample } from '../pipeline/train-weak';

/** Ratio tables looked for in a data folder when none is named, in this order. */
export const RATIO_TABLE_NAMES = ['ratios.csv', 'ratios.json', 'index.csv', 'labels.csv', 'labels.json'];

/** A folder of images with a ratio table (see ratio-table.ts). */
export interface WeakDataset {
  dir: string;
  /** The ratio table read. */
  table: string;
  entries: RatioEntry[];
}

/**
 * Opens a method-1 data folder: the ratio table (`labels`, else the first of RATIO_TABLE_NAMES in
 * `dir`) is parsed and checked, and every image (and mask, when listed) must exist.
 */
export async function openWeakDataset(dir: string, options: { labels?: string } = {}): Promise<WeakDataset> {
  if (!existsSync(dir)) throw new Error(`data folder ${dir} does not exist`);
  let table: string;
  if (options.labels) {
    table = existsSync(options.labels) ? options.labels : path.join(dir, options.labels);
    if (!existsSync(table)) throw new Error(`ratio table ${options.labels} not found (looked in the working directory and in ${dir})`);
  } else {
    const found = RATIO_TABLE_NAMES.map((n) => path.join(dir, n)).find((p) => existsSync(p));
    if (!found) throw new Error(`no ratio table in ${dir}: expected one of ${RATIO_TABLE_NAMES.join(', ')} (a CSV/JSON of image, ratio[, error][, mask]); or pass --labels <file>`);
    table = found;
  }
  const entries = parseRatioTable(await fs.readFile(table, 'utf8'), path.basename(table));
  for (const e of entries) {
    const img = path.resolve(dir, e.image);
    if (!existsSync(img)) throw new Error(`${path.basename(table)}: image ${e.image} not found (${img})`);
    if (e.mask && !existsSync(path.resolve(dir, e.mask))) throw new Error(`${path.basename(table)}: mask ${e.mask} of ${e.image} not found`);
  }
  return { dir, table, entries };
}

/** Reads a mask image as 0/1 (any non-zero grey value is the target), checking its size. */
export async function readMask(file: string, width?: number, height?: number): Promise<Uint8Array> {
  const m = await readImage(file);
  if (width !== undefined && (m.width !== width || m.height !== height)) throw new Error(`mask ${file} is ${m.width}x${m.height}, its image ${width}x${height}`);
  const n = m.width * m.height;
  const out = new Uint8Array(n);
  for (let p = 0; p < n; p++) out[p] = m.data[p * m.channels] ? 1 : 0;
  return out;
}

/** Loads one entry as a training sample (the mask when listed and asked for). */
export async function loadSample(ds: WeakDataset, e: RatioEntry, options: { mask?: boolean } = {}): Promise<TrainSample> {
  const image = await readImage(path.resolve(ds.dir, e.image));
  const mask = options.mask && e.mask ? await readMask(path.resolve(ds.dir, e.mask), image.width, image.height) : undefined;
  return { name: e.image, image, ratio: e.ratio, error: e.error, mask };
}
