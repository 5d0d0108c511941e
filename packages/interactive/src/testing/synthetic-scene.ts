import { createImage, ImageU8, Rng } from '@seg/tensor';
import { GT_BACKGROUND, GT_OBJECT } from '../eval/click-simulator';

export interface SyntheticScene {
  image: ImageU8;
  /** Class per pixel (0..regions-1), GT_* values for two classes. */
  gt: Uint8Array;
}

/**
 * A textured disc on a different texture (tests and benchmarks build their own data): the disc
 * has warm vertical stripes, the background cool noisy blotches, so that colour and texture
 * features both separate them but neither is constant.
 */
export function texturedDisc(width: number, height: number, seed = 1, radius = Math.min(width, height) * 0.3): SyntheticScene {
  const rng = new Rng(seed);
  const image = createImage(width, height, 3);
  const gt = new Uint8Array(width * height);
  const cx = width * 0.52, cy = height * 0.48;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const inside = (x - cx) ** 2 + (y - cy) ** 2 <= radius * radius;
      const n = rng.normal(0, 12);
      let r: number, g: number, b: number;
      if (inside) {
        const stripe = Math.floor(x / 3) % 2 === 0;
        r = stripe ? 200 : 150; g = stripe ? 90 : 60; b = 40;
      } else {
        const blotch = Math.sin(x * 0.35) * Math.cos(y * 0.3) > 0;
        r = 40; g = blotch ? 140 : 110; b = blotch ? 170 : 120;
      }
      image.data[3 * i] = Math.max(0, Math.min(255, r + n));
      image.data[3 * i + 1] = Math.max(0, Math.min(255, g + n));
      image.data[3 * i + 2] = Math.max(0, Math.min(255, b + n));
      gt[i] = inside ? GT_OBJECT : GT_BACKGROUND;
    }
  }
  return { image, gt };
}

/** Three vertical bands of different textures (classes 0, 1, 2 from left to right) for K-class tests. */
export function threeBands(width: number, height: number, seed = 2): SyntheticScene {
  const rng = new Rng(seed);
  const image = createImage(width, height, 3);
  const gt = new Uint8Array(width * height);
  const colours = [[40, 130, 160], [200, 80, 40], [220, 210, 90]];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      // wavy band borders, so that the classes are not a function of x alone
      const k = Math.min(2, Math.floor((x + 4 * Math.sin(y * 0.2)) / (width / 3)));
      const c = Math.max(0, k);
      const n = rng.normal(0, 10) + ((x + y) % 4 < 2 ? 8 : -8);
      for (let ch = 0; ch < 3; ch++) image.data[3 * i + ch] = Math.max(0, Math.min(255, colours[c][ch] + n));
      gt[i] = c;
    }
  }
  return { image, gt };
}
