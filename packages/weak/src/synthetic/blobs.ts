import { createImage, ImageU8, Rng } from '@seg/tensor';

export interface BlobImageOptions {
  width?: number;
  height?: number;
  /** Number of blobs and their radius range (pixels). */
  blobs?: number;
  radius?: [number, number];
  /** Per-pixel Gaussian noise (8-bit units). */
  noise?: number;
  seed?: number;
}

/** A synthetic H&E-like tile: pink background with dark purple discs ("nuclei"), its mask and area ratio. */
export interface BlobImage {
  image: ImageU8;
  /** 1 inside a blob. */
  mask: Uint8Array;
  ratio: number;
}

const BACKGROUND = [232, 182, 205];
const BLOB = [95, 62, 150];

/**
 * Draws random discs on a noisy background (tests and demos: the pseudo-label flow must find the
 * discs from their area ratio alone). Colours follow H&E: haematoxylin-dense blobs on eosin.
 */
export function blobImage(o: BlobImageOptions = {}): BlobImage {
  const W = o.width ?? 64; const H = o.height ?? 64;
  const rng = new Rng(o.seed ?? 0);
  const [rmin, rmax] = o.radius ?? [3, 6];
  const mask = new Uint8Array(W * H);
  const count = o.blobs ?? 8;
  for (let k = 0; k < count; k++) {
    const r = rmin + rng.random() * (rmax - rmin);
    const cx = rng.random() * W; const cy = rng.random() * H;
    for (let y = Math.max(0, Math.floor(cy - r)); y <= Math.min(H - 1, Math.ceil(cy + r)); y++) {
      for (let x = Math.max(0, Math.floor(cx - r)); x <= Math.min(W - 1, Math.ceil(cx + r)); x++) {
        if ((x - cx) ** 2 + (y - cy) ** 2 <= r * r) mask[y * W + x] = 1;
      }
    }
  }
  const data = new Uint8Array(W * H * 3);
  const noise = o.noise ?? 8;
  let n = 0;
  for (let p = 0; p < W * H; p++) {
    const c = mask[p] ? BLOB : BACKGROUND;
    n += mask[p];
    for (let ch = 0; ch < 3; ch++) data[3 * p + ch] = Math.max(0, Math.min(255, Math.round(c[ch] + rng.normal(0, noise))));
  }
  return { image: createImage(W, H, 3, data), mask, ratio: n / (W * H) };
}
