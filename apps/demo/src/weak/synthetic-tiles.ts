import { blobImage, BlobImage, TINY_CONFIG, type WeakConfigInput } from '@seg/weak';

/** Size of the page's synthetic H&E-like tiles (large enough to see the graph, small enough to train in seconds). */
export const TILE_SIZE = 128;

/** Seeds of the tiles the page uploads for "Train on synthetic tiles"; samples use seeds from SAMPLE_SEED on. */
export const TRAIN_SEEDS: readonly number[] = [1, 2, 3, 4, 5, 6, 7, 8];
export const SAMPLE_SEED = 1001;

/**
 * One synthetic tile: dark "nuclei" discs on a pink background, with its true mask and area
 * ratio (the page uploads only the ratio; the mask is kept to score the prediction).
 */
export function syntheticTile(seed: number): BlobImage {
  return blobImage({ width: TILE_SIZE, height: TILE_SIZE, blobs: 16 + (seed % 6), radius: [4, 8], noise: 10, seed });
}

/**
 * @seg/weak's TINY_CONFIG (fast GCN and pixel FCN) with ~500 superpixels per 128 x 128 tile
 * (~33 px each, smaller than a disc): trains in about a second on a server core.
 */
export const SYNTHETIC_CONFIG: WeakConfigInput = { ...TINY_CONFIG, superpixels: { segments: 500, compactness: 10 } };
