import { Rng, Tensor } from '@seg/tensor';
import { LabelMap } from '../region/label-map';

/**
 * A Voronoi-like label map for tests and benchmarks: one seed jittered inside each cell of a
 * gy x gx grid (gy·gx ≈ `segments`), every pixel labelled with its nearest seed. The nearest seed
 * of a pixel lies in its own or a neighbouring cell ring, so labelling costs O(25·HW).
 * Labels are numbered in grid order, 0..gy·gx-1; every label occurs when cells are >= 2 px.
 */
export function voronoiLabelMap(height: number, width: number, segments: number, seed = 0): LabelMap {
  if (!Number.isInteger(height) || !Number.isInteger(width) || height < 1 || width < 1) throw new Error(`voronoiLabelMap: size must be positive integers, got ${height} x ${width}`);
  if (!Number.isInteger(segments) || segments < 1) throw new Error(`voronoiLabelMap: segments must be a positive integer, got ${segments}`);
  const rng = new Rng(seed);
  const gy = Math.max(1, Math.min(height, Math.round(Math.sqrt((segments * height) / width))));
  const gx = Math.max(1, Math.min(width, Math.round(segments / gy)));
  const ch = height / gy; const cw = width / gx;
  const sy = new Float64Array(gy * gx); const sx = new Float64Array(gy * gx);
  for (let i = 0; i < gy; i++) for (let j = 0; j < gx; j++) {
    sy[i * gx + j] = (i + rng.random()) * ch - 0.5;
    sx[i * gx + j] = (j + rng.random()) * cw - 0.5;
  }
  const labels = new Int32Array(height * width);
  for (let y = 0; y < height; y++) {
    const ci = Math.min(gy - 1, Math.floor((y + 0.5) / ch));
    for (let x = 0; x < width; x++) {
      const cj = Math.min(gx - 1, Math.floor((x + 0.5) / cw));
      let best = -1; let bestD = Infinity;
      for (let i = Math.max(0, ci - 2); i <= Math.min(gy - 1, ci + 2); i++) {
        for (let j = Math.max(0, cj - 2); j <= Math.min(gx - 1, cj + 2); j++) {
          const k = i * gx + j;
          const dy = y - sy[k]; const dx = x - sx[k];
          const d = dy * dy + dx * dx;
          if (d < bestD) { bestD = d; best = k; }
        }
      }
      labels[y * width + x] = best;
    }
  }
  return { labels, height, width, count: gy * gx };
}

/**
 * A [C, H, W] float32 feature map that is piecewise constant on the label map's regions (a random
 * vector per region, normal(0, 1)) plus pixel noise of standard deviation `noise`.
 */
export function regionFeatureMap(map: LabelMap, channels: number, seed = 0, noise = 0.1): Tensor<'float32'> {
  const rng = new Rng(seed);
  const means = rng.fillNormal(new Float32Array(map.count * channels));
  const HW = map.height * map.width;
  const out = new Tensor('float32', [channels, map.height, map.width]);
  for (let c = 0; c < channels; c++) {
    for (let p = 0; p < HW; p++) out.data[c * HW + p] = means[map.labels[p] * channels + c] + (noise ? noise * rng.normal() : 0);
  }
  return out;
}
