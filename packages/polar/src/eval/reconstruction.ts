import { polarToMask } from '../decode/polar-to-mask';
import { CentreChoice, maskToPolar } from '../encode/encode';
import { decodePolarMask, encodePolarMask } from '../encode/polarmask-encoding';
import { checkMask, Mask, maskIou } from '../mask/mask';

/**
 * 'exact' (seg's default): exact pixel-edge boundary, exact ray intersections, best centre,
 * pixel-centre rasterisation. 'polarmask': PolarMask's reference target encoding and decoding.
 */
export type PolarEncodingName = 'exact' | 'polarmask';
export const POLAR_ENCODINGS: readonly PolarEncodingName[] = ['exact', 'polarmask'];

export interface ReconstructionResult {
  iou: number;
  centre: [number, number];
  distances: Float32Array;
  reconstruction: Mask;
}

/** Encodes `mask` as rays, decodes it back and measures the IoU with the original; null for an empty mask. */
export function reconstruct(mask: Mask, options: { encoding?: PolarEncodingName; rays?: number; centre?: CentreChoice } = {}): ReconstructionResult | null {
  checkMask(mask);
  const encoding = options.encoding ?? 'exact';
  const rays = options.rays ?? 36;
  if (encoding === 'polarmask') {
    const enc = encodePolarMask(mask, rays);
    if (!enc) return null;
    const reconstruction = decodePolarMask(enc, mask.width, mask.height);
    return { iou: maskIou(reconstruction, mask), centre: enc.centre, distances: enc.distances, reconstruction };
  }
  if (encoding !== 'exact') throw new Error(`unknown polar encoding '${String(encoding)}'; known: ${POLAR_ENCODINGS.join(', ')}`);
  const enc = maskToPolar(mask, { rays, centre: options.centre });
  if (!enc) return null;
  const reconstruction = polarToMask(enc.centre[0], enc.centre[1], enc.distances, mask.width, mask.height);
  return { iou: maskIou(reconstruction, mask), centre: enc.centre, distances: enc.distances, reconstruction };
}
