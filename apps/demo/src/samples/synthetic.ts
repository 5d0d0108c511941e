import { createImage, ImageU8, Rng } from '@seg/tensor';

/** A bundled sample: an image made by code, and the mask of its object (the answer the e2e test checks). */
export interface Sample {
  id: string;
  title: string;
  image: ImageU8;
  /** 1 on the object, 0 elsewhere, width*height. */
  truth: Uint8Array;
  /** A point inside the object and one on the background, for tests and hints. */
  hint: { object: [number, number]; background: [number, number] };
}

const clamp = (v: number): number => (v < 0 ? 0 : v > 255 ? 255 : Math.round(v));

function paint(width: number, height: number, seed: number, inside: (x: number, y: number) => boolean,
  object: (x: number, y: number) => [number, number, number], background: (x: number, y: number) => [number, number, number], noise: number): { image: ImageU8; truth: Uint8Array } {
  const rng = new Rng(seed);
  const image = createImage(width, height, 3);
  const truth = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const fg = inside(x, y);
      truth[i] = fg ? 1 : 0;
      const [r, g, b] = fg ? object(x, y) : background(x, y);
      image.data[i * 3] = clamp(r + rng.normal(0, noise));
      image.data[i * 3 + 1] = clamp(g + rng.normal(0, noise));
      image.data[i * 3 + 2] = clamp(b + rng.normal(0, noise));
    }
  }
  return { image, truth };
}

/** A warm, shaded ellipse on a cool gradient with stripes. */
function ellipse(): Sample {
  const w = 320, h = 240, cx = 170, cy = 115, rx = 90, ry = 62;
  const { image, truth } = paint(w, h, 1,
    (x, y) => ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1,
    (x, y) => { const s = 1 - 0.25 * Math.hypot((x - cx + 30) / rx, (y - cy + 20) / ry); return [225 * s + 20, 95 * s + 10, 50]; },
    (x, y) => [40 + 30 * Math.sin(x / 9), 90 + y / 4, 185 - x / 8],
    8);
  return { id: 'ellipse', title: 'Ellipse', image, truth, hint: { object: [cx, cy], background: [25, 210] } };
}

/** A five-lobed green leaf (a polar rose) on sand. */
function leaf(): Sample {
  const w = 300, h = 260, cx = 150, cy = 135;
  const radius = (a: number): number => 70 + 28 * Math.cos(5 * a);
  const { image, truth } = paint(w, h, 2,
    (x, y) => Math.hypot(x - cx, y - cy) <= radius(Math.atan2(y - cy, x - cx)),
    (x, y) => [60 + (x - cx) / 4, 150 + 20 * Math.sin((x + y) / 14), 70],
    (x, y) => [205 - y / 8, 180 - y / 10, 130 + 15 * Math.cos(x / 23)],
    10);
  return { id: 'leaf', title: 'Leaf', image, truth, hint: { object: [cx, cy], background: [15, 15] } };
}

/** Three violet cells (the object is all of them) among grey-green clutter. */
function cells(): Sample {
  const w = 320, h = 240;
  const blobs: [number, number, number][] = [[80, 80, 38], [210, 70, 30], [170, 170, 45]];
  const { image, truth } = paint(w, h, 3,
    (x, y) => blobs.some(([bx, by, r]) => Math.hypot(x - bx, y - by) <= r + 4 * Math.sin(6 * Math.atan2(y - by, x - bx))),
    (x, y) => [150 + 20 * Math.sin(x / 11), 70, 190 - 20 * Math.cos(y / 13)],
    (x, y) => [110 + 25 * Math.sin(x / 17) * Math.cos(y / 19), 135, 105],
    9);
  return { id: 'cells', title: 'Cells', image, truth, hint: { object: [170, 170], background: [300, 220] } };
}

/** The bundled samples, by one explicit list (scripts/prepare-public.ts writes them as PNGs). */
export const SAMPLE_MAKERS: readonly (() => Sample)[] = [ellipse, leaf, cells];

export const SAMPLE_IDS = ['ellipse', 'leaf', 'cells'] as const;

export function makeSample(id: string): Sample {
  const i = SAMPLE_IDS.indexOf(id as (typeof SAMPLE_IDS)[number]);
  if (i < 0) throw new Error(`unknown sample '${id}'; samples: ${SAMPLE_IDS.join(', ')}`);
  return SAMPLE_MAKERS[i]();
}
