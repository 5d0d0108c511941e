import { readImage } from '@seg/tensor/node';
import { existsSync, promises as fs } from 'fs';
import * as path from 'path';
import { Image8 } from '../types';
import { readLabelPng } from './label-png';

/**
 * The BSDS500 layout of the shared data folder (Arbeláez et al., TPAMI 2011): `images/<id>.jpg`
 * and one human segmentation per annotator as `segmentation_png/<id>_<k>.png` (8-bit grey,
 * labels 1..N, k = 1..K).
 */
export interface BsdsSample {
  id: string;
  image: Image8;
  /** One label map per annotator, same size as the image. */
  groundTruths: Int32Array[];
}

/** Image ids that have an image and at least one ground-truth PNG, sorted. */
export async function listBsds500(dir: string): Promise<string[]> {
  const imagesDir = path.join(dir, 'images');
  const gtDir = path.join(dir, 'segmentation_png');
  if (!existsSync(imagesDir) || !existsSync(gtDir)) {
    throw new Error(`${dir} is not a BSDS500 folder: expected images/ and segmentation_png/ inside it`);
  }
  const gts = new Set((await fs.readdir(gtDir)).filter((f) => /_\d+\.png$/.test(f)).map((f) => f.replace(/_\d+\.png$/, '')));
  const ids = (await fs.readdir(imagesDir)).filter((f) => /\.(jpg|jpeg|png)$/i.test(f)).map((f) => f.replace(/\.[^.]+$/, '')).filter((id) => gts.has(id));
  if (ids.length === 0) throw new Error(`${dir}: no image in images/ has a ground truth in segmentation_png/`);
  return ids.sort();
}

/** Reads one image (as RGB) and all its annotators' label maps. */
export async function readBsds500Sample(dir: string, id: string): Promise<BsdsSample> {
  const imagesDir = path.join(dir, 'images');
  const file = (await fs.readdir(imagesDir)).find((f) => f.replace(/\.[^.]+$/, '') === id);
  if (!file) throw new Error(`${dir}: no image named ${id} in images/`);
  const decoded = await readImage(path.join(imagesDir, file), { channels: 3 });
  const image: Image8 = { data: decoded.data, width: decoded.width, height: decoded.height, channels: 3 };
  const gtDir = path.join(dir, 'segmentation_png');
  const gtFiles = (await fs.readdir(gtDir))
    .filter((f) => f.startsWith(`${id}_`) && /_\d+\.png$/.test(f))
    .sort((a, b) => Number(a.match(/_(\d+)\.png$/)![1]) - Number(b.match(/_(\d+)\.png$/)![1]));
  const groundTruths: Int32Array[] = [];
  for (const f of gtFiles) {
    const gt = await readLabelPng(path.join(gtDir, f));
    if (gt.width !== image.width || gt.height !== image.height) {
      throw new Error(`${f}: ground truth is ${gt.width}x${gt.height} but image ${file} is ${image.width}x${image.height}`);
    }
    groundTruths.push(gt.labels);
  }
  return { id, image, groundTruths };
}
