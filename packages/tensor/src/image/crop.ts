import { allocate, TypedArray } from '../dtype';
import { Tensor } from '../tensor';
import { createImage, ImageU8 } from './image';

/** A pixel rectangle: top-left corner (x, y) and size. */
export interface Rect { x: number; y: number; width: number; height: number }

function checkRect(what: string, r: Rect, w: number, h: number): void {
  const ints = [r.x, r.y, r.width, r.height].every(Number.isInteger);
  if (!ints || r.width < 0 || r.height < 0 || r.x < 0 || r.y < 0 || r.x + r.width > w || r.y + r.height > h) {
    throw new Error(`${what}: rectangle x=${r.x} y=${r.y} ${r.width}x${r.height} does not lie inside the ${w}x${h} input (integers, 0 <= x, x + width <= ${w}, 0 <= y, y + height <= ${h})`);
  }
}

/** Copies a block of rows (element (p, y, x, k) at ((p * H + y) * W + x) * c + k). */
function copyRect(src: TypedArray, dst: TypedArray, planes: number, c: number, inH: number, inW: number, r: Rect): void {
  const rowLen = r.width * c;
  for (let p = 0; p < planes; p++) {
    for (let y = 0; y < r.height; y++) {
      const from = ((p * inH + r.y + y) * inW + r.x) * c;
      (dst as Float64Array).set((src as Float64Array).subarray(from, from + rowLen), (p * r.height + y) * rowLen);
    }
  }
}

/** A copy of a rectangle of an image; the rectangle must lie inside it. */
export function cropImage(img: ImageU8, rect: Rect): ImageU8 {
  checkRect('cropImage', rect, img.width, img.height);
  const out = createImage(rect.width, rect.height, img.channels);
  copyRect(img.data, out.data, 1, img.channels, img.height, img.width, rect);
  return out;
}

/** A copy of a rectangle of the last two axes (H, W) of a map of any dtype. */
export function cropMap<T extends Tensor>(t: T, rect: Rect): T {
  if (t.rank < 2) throw new Error(`cropMap: expected at least [H, W], got [${t.dims.join(', ')}]`);
  const inH = t.dims[t.rank - 2];
  const inW = t.dims[t.rank - 1];
  checkRect('cropMap', rect, inW, inH);
  const lead = t.dims.slice(0, -2);
  const planes = lead.reduce((a, b) => a * b, 1);
  const out = new Tensor(t.dtype, [...lead, rect.height, rect.width], allocate(t.dtype, planes * rect.width * rect.height));
  copyRect(t.data, out.data, planes, 1, inH, inW, rect);
  return out as T;
}
