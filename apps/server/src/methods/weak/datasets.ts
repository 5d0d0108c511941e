import { existsSync, promises as fs } from 'fs';
import * as path from 'path';
import { randomUUID } from 'crypto';
import sharp from 'sharp';
import { parseRatioJson } from '@seg/weak/node';
import { writeFileAtomic } from '@seg/tensor/node';
import { badRequest, notFound, payloadTooLarge } from '../../core/errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

export interface DatasetUpload {
  images: { name: string; image: string; ratio: number; error?: number }[];
}

/** The folder of an uploaded data set; ids are checked so a request can never name a path outside it. */
export function datasetDir(root: string, id: string): string {
  if (!UUID.test(id)) throw badRequest(`dataset id must be a UUID returned by POST /weak/datasets, got '${id}'`);
  const dir = path.join(root, id);
  if (!existsSync(path.join(dir, 'ratios.json'))) throw notFound(`no dataset '${id}'`);
  return dir;
}

/**
 * Stores an uploaded training set under `root/<id>/`: each image (base64 PNG or JPEG, decoded to
 * check it, re-encoded as PNG) and `ratios.json`. Ratios are checked with the same parser as the
 * CLI's tables, so errors read the same.
 */
export async function storeDataset(root: string, body: DatasetUpload, maxPixels: number): Promise<{ id: string; images: number }> {
  if (!body || !Array.isArray(body.images) || body.images.length === 0) throw badRequest('body must be {images: [{name, image (base64 PNG/JPEG), ratio, error?}, ...]} with at least one image');
  // Ratios first (cheap), with the table parser's messages.
  let entries;
  try {
    entries = parseRatioJson(JSON.stringify(body.images.map((i) => ({ image: i?.name, ratio: i?.ratio, error: i?.error }))), 'dataset');
  } catch (e) {
    throw badRequest((e as Error).message);
  }
  for (const e of entries) if (!SAFE_NAME.test(e.image)) throw badRequest(`image name '${e.image}' must be 1-100 letters, digits, '.', '_' or '-' (no paths)`);
  const id = randomUUID();
  const dir = path.join(root, id);
  await fs.mkdir(dir, { recursive: true });
  try {
    const table = [];
    for (let i = 0; i < body.images.length; i++) {
      const bytes = Buffer.from(String(body.images[i].image ?? ''), 'base64');
      let meta;
      try { meta = await sharp(bytes).metadata(); } catch { throw badRequest(`image ${i} (${entries[i].image}) is not a readable PNG or JPEG`); }
      if ((meta.width ?? 0) * (meta.height ?? 0) > maxPixels) throw payloadTooLarge(`image ${i} (${entries[i].image}) has more than ${maxPixels} pixels`);
      const file = `${entries[i].image.replace(/\.[^.]*$/, '')}.png`;
      await writeFileAtomic(path.join(dir, file), await sharp(bytes, { limitInputPixels: maxPixels }).removeAlpha().png().toBuffer());
      table.push({ image: file, ratio: entries[i].ratio, ...(entries[i].error !== undefined ? { error: entries[i].error } : {}) });
    }
    await writeFileAtomic(path.join(dir, 'ratios.json'), JSON.stringify(table, null, 2));
  } catch (e) {
    await fs.rm(dir, { recursive: true, force: true });
    throw e;
  }
  return { id, images: body.images.length };
}
