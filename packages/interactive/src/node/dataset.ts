import { promises as fs } from 'fs';
import * as path from 'path';
import { readImage } from '@seg/tensor/node';
import { toChannels } from '@seg/tensor';
import { EvalSample, gtFromMask } from '../eval/evaluate';

/**
 * Reads an interactive-segmentation set laid out as `images/<stem>.(jpg|png)` + `masks/<stem>.png`
 * (GrabCut: 0 bg, 255 fg, 128 ignored band; Berkeley: 0/255), in sorted stem order.
 */
export async function* readClickDataset(dir: string, limit = Infinity): AsyncGenerator<EvalSample> {
  const masksDir = path.join(dir, 'masks');
  const imagesDir = path.join(dir, 'images');
  let masks: string[];
  try { masks = (await fs.readdir(masksDir)).filter((f) => f.endsWith('.png')).sort(); } catch {
    throw new Error(`${dir} is not an interactive-segmentation data set: expected folders images/ and masks/`);
  }
  const images = new Map((await fs.readdir(imagesDir)).map((f) => [path.parse(f).name, f]));
  let n = 0;
  for (const m of masks) {
    if (n++ >= limit) return;
    const stem = path.parse(m).name;
    const imgFile = images.get(stem);
    if (!imgFile) throw new Error(`no image for mask ${m} in ${imagesDir}`);
    const img = toChannels(await readImage(path.join(imagesDir, imgFile)), 3);
    const mask = toChannels(await readImage(path.join(masksDir, m)), 1);
    if (mask.width !== img.width || mask.height !== img.height) throw new Error(`mask ${m} is ${mask.width}x${mask.height}, image is ${img.width}x${img.height}`);
    yield { name: stem, width: img.width, height: img.height, rgb: img.data, gt: gtFromMask(mask.data) };
  }
}
