import { Tensor } from '../tensor';
import { createImage, ImageU8 } from './image';

/**
 * A binary mask [H, W] (bool, uint8 or any number type; nonzero = foreground, or > threshold for
 * floats such as probabilities) as a gray image with 0 and 255, e.g. to save it as a PNG.
 */
export function maskToImage(mask: Tensor, threshold = 0): ImageU8 {
  if (mask.rank !== 2) throw new Error(`maskToImage: expected a mask [H, W], got [${mask.dims.join(', ')}]`);
  const [h, w] = mask.dims;
  const img = createImage(w, h, 1);
  const s = mask.data;
  const d = img.data;
  if (s instanceof BigInt64Array) for (let i = 0; i < s.length; i++) d[i] = Number(s[i]) > threshold ? 255 : 0;
  else for (let i = 0; i < s.length; i++) d[i] = s[i] > threshold ? 255 : 0;
  return img;
}

/**
 * A bool mask [H, W] from an image: foreground where any colour channel (alpha ignored) is at
 * least `threshold` (default 128, the midpoint of a 0/255 mask that went through lossy coding).
 */
export function imageToMask(img: ImageU8, threshold = 128): Tensor<'bool'> {
  const mask = new Tensor('bool', [img.height, img.width]);
  const colours = img.channels === 4 ? 3 : img.channels;
  const c = img.channels;
  const s = img.data;
  const d = mask.data;
  for (let i = 0, o = 0; i < d.length; i++, o += c) {
    let on = 0;
    for (let k = 0; k < colours; k++) if (s[o + k] >= threshold) on = 1;
    d[i] = on;
  }
  return mask;
}
