import { otsuThreshold } from '../threshold/otsu';
import type { ChannelStats } from '../pixel/pixel-input';

/**
 * Per-image "Otsu-centred" standardisation: the image's elements (pixels or superpixels) are split
 * into two classes by Otsu's threshold on a key channel (haematoxylin for H&E), and every channel
 * is centred on the midpoint of its two class means and scaled by its pooled within-class standard
 * deviation. A fixed decision on the result adapts to each image's staining the way Otsu's
 * threshold does, yet does not move with the target's area fraction the way a plain per-image
 * z-score does (a tile with more nuclei has a higher mean haematoxylin).
 *
 * `value(i, c)` reads element i of channel c; `weight(i)` is its area (1 for pixels).
 */
export function otsuCentredStats(count: number, channels: number, key: number, value: (i: number, c: number) => number, weight: (i: number) => number = () => 1): ChannelStats {
  if (count < 2) throw new Error(`otsuCentredStats: need at least 2 elements, got ${count}`);
  if (!(key >= 0 && key < channels)) throw new Error(`otsuCentredStats: key channel ${key} is outside [0, ${channels})`);
  const keyValues = new Float32Array(count);
  for (let i = 0; i < count; i++) keyValues[i] = value(i, key);
  const { threshold } = otsuThreshold(keyValues);
  const mean: number[] = []; const std: number[] = [];
  for (let c = 0; c < channels; c++) {
    let w0 = 0; let w1 = 0; let s0 = 0; let s1 = 0; let q0 = 0; let q1 = 0;
    for (let i = 0; i < count; i++) {
      const v = value(i, c); const w = weight(i);
      if (keyValues[i] > threshold) { w1 += w; s1 += w * v; q1 += w * v * v; } else { w0 += w; s0 += w * v; q0 += w * v * v; }
    }
    const m0 = w0 > 0 ? s0 / w0 : 0; const m1 = w1 > 0 ? s1 / w1 : m0;
    const within = (Math.max(q0 - w0 * m0 * m0, 0) + Math.max(q1 - w1 * m1 * m1, 0)) / Math.max(w0 + w1, 1e-12);
    mean.push(w0 > 0 ? (m0 + m1) / 2 : m1);
    std.push(Math.sqrt(within) || 1);
  }
  return { mean, std };
}

/** Otsu-centred statistics of planar [C, H, W] pixel planes. */
export function planeOtsuStats(planes: Float32Array, channels: number, pixels: number, key: number): ChannelStats {
  return otsuCentredStats(pixels, channels, key, (i, c) => planes[c * pixels + i]);
}

/** Otsu-centred statistics of [N, C] row-major vertex features, weighted by vertex area. */
export function rowOtsuStats(rows: Float32Array, n: number, channels: number, key: number, area: Int32Array): ChannelStats {
  return otsuCentredStats(n, channels, key, (i, c) => rows[i * channels + c], (i) => area[i]);
}
