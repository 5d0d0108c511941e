import { BASE_CHANNELS, WorkingTile } from '../features/pixel-features';

/** Per-channel mean and standard deviation of the pixel FCN's input planes over a training set. */
export interface ChannelStats { mean: number[]; std: number[] }

/** Statistics of the base planes (L, a, b, haematoxylin, eosin) over tiles, in float64. */
export function pixelInputStats(tiles: readonly WorkingTile[]): ChannelStats {
  const C = BASE_CHANNELS;
  const sum = new Float64Array(C); const sq = new Float64Array(C);
  let n = 0;
  for (const t of tiles) {
    const hw = t.width * t.height;
    for (let c = 0; c < C; c++) {
      const plane = t.features.subarray(c * hw, (c + 1) * hw);
      let s = 0; let s2 = 0;
      for (let p = 0; p < hw; p++) { s += plane[p]; s2 += plane[p] * plane[p]; }
      sum[c] += s; sq[c] += s2;
    }
    n += hw;
  }
  if (n === 0) throw new Error('pixelInputStats: no pixels');
  const mean = Array.from(sum, (s) => s / n);
  const std = Array.from(sq, (s, c) => Math.sqrt(Math.max(s / n - mean[c] * mean[c], 0)) || 1);
  return { mean, std };
}

/** The FCN input of a tile: its base planes standardised with the training statistics, [5, H, W]. */
export function pixelInput(tile: WorkingTile, stats: ChannelStats): Float32Array {
  const hw = tile.width * tile.height;
  const out = new Float32Array(BASE_CHANNELS * hw);
  for (let c = 0; c < BASE_CHANNELS; c++) {
    const m = stats.mean[c]; const inv = 1 / stats.std[c];
    for (let p = 0; p < hw; p++) out[c * hw + p] = (tile.features[c * hw + p] - m) * inv;
  }
  return out;
}
