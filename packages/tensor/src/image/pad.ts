import { allocate, TypedArray } from '../dtype';
import { Tensor } from '../tensor';
import { createImage, ImageU8 } from './image';

/**
 * 'constant': fill with a value. 'edge': repeat the border pixel. 'reflect': mirror without
 * repeating the border (d c b | a b c d | c b a), as numpy 'reflect', ONNX Pad 'reflect' and
 * OpenCV BORDER_REFLECT_101.
 */
export type PadMode = 'constant' | 'edge' | 'reflect';

export interface Pads { top?: number; bottom?: number; left?: number; right?: number }

export interface PadOptions {
  /** Default 'constant'. */
  mode?: PadMode;
  /** Fill for 'constant': one value, or one per image channel. Default 0. */
  value?: number | readonly number[];
}

/** Source index along one axis for every padded position; -1 means "the constant". */
function axisMap(what: string, axis: string, n: number, before: number, after: number, mode: PadMode): Int32Array {
  for (const [side, p] of [['before', before], ['after', after]] as const) {
    if (!Number.isInteger(p) || p < 0) throw new Error(`${what}: ${axis} padding ${side} must be a non-negative integer, got ${p}`);
  }
  if (mode === 'reflect' && Math.max(before, after) > n - 1) {
    throw new Error(`${what}: reflect padding of ${Math.max(before, after)} needs a ${axis} size of at least ${Math.max(before, after) + 1}, got ${n}`);
  }
  if (mode === 'edge' && n === 0 && before + after > 0) throw new Error(`${what}: cannot edge-pad an empty ${axis} axis`);
  const out = new Int32Array(before + n + after);
  for (let i = 0; i < out.length; i++) {
    const s = i - before;
    if (s >= 0 && s < n) out[i] = s;
    else if (mode === 'constant') out[i] = -1;
    else if (mode === 'edge') out[i] = s < 0 ? 0 : n - 1;
    else out[i] = s < 0 ? -s : 2 * (n - 1) - s;
  }
  return out;
}

/** Pads planes of c interleaved channels (element (p, y, x, k) at ((p * H + y) * W + x) * c + k). */
function padPlanes(src: TypedArray, dst: TypedArray, planes: number, c: number, inH: number, inW: number, rows: Int32Array, cols: Int32Array, fill: readonly number[]): void {
  const s = src as Float64Array;
  const d = dst as Float64Array;
  const big = dst instanceof BigInt64Array;
  const fillv = fill.map((v) => (big ? BigInt(Math.trunc(v)) : v)) as unknown as number[];
  let o = 0;
  for (let p = 0; p < planes; p++) {
    for (let y = 0; y < rows.length; y++) {
      const sy = rows[y];
      const base = (p * inH + sy) * inW;
      for (let x = 0; x < cols.length; x++) {
        const sx = cols[x];
        if (sy < 0 || sx < 0) for (let k = 0; k < c; k++) d[o++] = fillv[k];
        else for (let k = 0, si = (base + sx) * c; k < c; k++) d[o++] = s[si + k];
      }
    }
  }
}

function fillValues(what: string, value: number | readonly number[] | undefined, c: number): number[] {
  if (value === undefined) return new Array<number>(c).fill(0);
  if (typeof value === 'number') return new Array<number>(c).fill(value);
  if (value.length !== c && value.length !== 1) throw new Error(`${what}: fill value has ${value.length} entries for ${c} channels`);
  return Array.from({ length: c }, (_, k) => (value.length === 1 ? value[0] : value[k]));
}

/** Pads an 8-bit image on each side. */
export function padImage(img: ImageU8, pads: Pads, options: PadOptions = {}): ImageU8 {
  const mode = options.mode ?? 'constant';
  checkMode('padImage', mode);
  const rows = axisMap('padImage', 'height', img.height, pads.top ?? 0, pads.bottom ?? 0, mode);
  const cols = axisMap('padImage', 'width', img.width, pads.left ?? 0, pads.right ?? 0, mode);
  const fill = fillValues('padImage', options.value, img.channels);
  if (fill.some((v) => !Number.isInteger(v) || v < 0 || v > 255)) throw new Error(`padImage: fill value must be integers in 0..255, got [${fill.join(', ')}]`);
  const out = createImage(cols.length, rows.length, img.channels);
  padPlanes(img.data, out.data, 1, img.channels, img.height, img.width, rows, cols, fill);
  return out;
}

/** Pads the last two axes (H, W) of a map of any dtype. */
export function padMap<T extends Tensor>(t: T, pads: Pads, options: PadOptions = {}): T {
  const mode = options.mode ?? 'constant';
  checkMode('padMap', mode);
  if (t.rank < 2) throw new Error(`padMap: expected at least [H, W], got [${t.dims.join(', ')}]`);
  if (Array.isArray(options.value) && options.value.length !== 1) throw new Error('padMap: the fill value must be a single number');
  const inH = t.dims[t.rank - 2];
  const inW = t.dims[t.rank - 1];
  const rows = axisMap('padMap', 'height', inH, pads.top ?? 0, pads.bottom ?? 0, mode);
  const cols = axisMap('padMap', 'width', inW, pads.left ?? 0, pads.right ?? 0, mode);
  const lead = t.dims.slice(0, -2);
  const planes = lead.reduce((a, b) => a * b, 1);
  const out = new Tensor(t.dtype, [...lead, rows.length, cols.length], allocate(t.dtype, planes * rows.length * cols.length));
  padPlanes(t.data, out.data, planes, 1, inH, inW, rows, cols, fillValues('padMap', options.value, 1));
  return out as T;
}

function checkMode(what: string, mode: string): void {
  if (mode !== 'constant' && mode !== 'edge' && mode !== 'reflect') throw new Error(`${what}: unknown mode '${mode}'; expected 'constant', 'edge' or 'reflect'`);
}
