import { Rng, Tensor } from '@seg/tensor';

export interface ShapesOptions {
  count: number;
  /** Image side (square images). */
  size?: number;
  seed: number;
  /** Standard deviation of the Gaussian pixel noise (shapes are ~1 brighter than the background). */
  noise?: number;
  /** Shapes per image: 1..maxShapes. */
  maxShapes?: number;
}

/**
 * A synthetic segmentation task: noisy images [count, 1, S, S] with bright random discs and
 * axis-aligned rectangles, and their binary masks [count, 1, S, S] (1 inside a shape). Pixel
 * centres decide membership, so masks are exact; everything follows from the seed.
 */
export function syntheticShapes(o: ShapesOptions): { images: Tensor<'float32'>; masks: Tensor<'float32'> } {
  const S = o.size ?? 32;
  const noise = o.noise ?? 0.3;
  const maxShapes = o.maxShapes ?? 3;
  const rng = new Rng(o.seed);
  const images = new Tensor('float32', [o.count, 1, S, S]);
  const masks = new Tensor('float32', [o.count, 1, S, S]);
  for (let n = 0; n < o.count; n++) {
    const mask = masks.data.subarray(n * S * S, (n + 1) * S * S);
    const shapes = 1 + rng.int(maxShapes);
    for (let k = 0; k < shapes; k++) {
      if (rng.random() < 0.5) {
        // disc: centre anywhere, radius 3..S/4
        const cy = rng.uniform(0, S); const cx = rng.uniform(0, S); const r = rng.uniform(3, S / 4);
        for (let y = 0; y < S; y++) for (let x = 0; x < S; x++) {
          if ((y + 0.5 - cy) ** 2 + (x + 0.5 - cx) ** 2 <= r * r) mask[y * S + x] = 1;
        }
      } else {
        // rectangle: sides 4..S/2
        const h = 4 + rng.int(S / 2 - 3); const w = 4 + rng.int(S / 2 - 3);
        const y0 = rng.int(S - h + 1); const x0 = rng.int(S - w + 1);
        for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) mask[y * S + x] = 1;
      }
    }
    // image: background level and contrast vary per image; Gaussian noise on every pixel
    const base = rng.uniform(-0.2, 0.2); const contrast = rng.uniform(0.8, 1.2);
    const img = images.data.subarray(n * S * S, (n + 1) * S * S);
    for (let i = 0; i < S * S; i++) img[i] = base + contrast * mask[i] + rng.normal(0, noise);
  }
  return { images, masks };
}
