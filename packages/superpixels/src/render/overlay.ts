import { boundaryMask } from '../labels/boundaries';
import { checkImage8, Image8 } from '../types';

/**
 * A copy of `image` as RGB with superpixel boundaries painted in `color` (default yellow, as
 * scikit-image's mark_boundaries): the one-pixel boundaries of `boundaryMask`.
 */
export function drawBoundaries(image: Image8, labels: ArrayLike<number>, color: [number, number, number] = [255, 255, 0]): Image8 {
  checkImage8(image);
  const { width, height, channels, data } = image;
  const edge = boundaryMask(labels, width, height);
  const out = new Uint8Array(width * height * 3);
  for (let i = 0, p = 0; i < width * height; i++, p += channels) {
    const o = 3 * i;
    if (edge[i]) {
      out[o] = color[0]; out[o + 1] = color[1]; out[o + 2] = color[2];
    } else if (channels === 1) {
      out[o] = out[o + 1] = out[o + 2] = data[p];
    } else {
      out[o] = data[p]; out[o + 1] = data[p + 1]; out[o + 2] = data[p + 2];
    }
  }
  return { data: out, width, height, channels: 3 };
}
