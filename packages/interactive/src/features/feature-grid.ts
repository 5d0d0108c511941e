/**
 * Per-image features on one grid: `data` is channel-last [h*w, c] (one row per grid cell), which
 * is the layout the per-click classifier consumes (rows are samples).
 */
export interface FeatureGrid {
  width: number;
  height: number;
  channels: number;
  data: Float32Array;
  /** Size of the image the grid was computed from (clicks are in these coordinates). */
  imageWidth: number;
  imageHeight: number;
}

/** Channel-first [c, h, w] -> channel-last rows [h*w, c]. */
export function toRows(chw: Float32Array, channels: number, height: number, width: number): Float32Array {
  const n = height * width;
  if (chw.length !== channels * n) throw new Error(`feature map has ${chw.length} values, expected ${channels}x${height}x${width}`);
  const out = new Float32Array(n * channels);
  for (let c = 0; c < channels; c++) {
    const src = c * n;
    for (let i = 0; i < n; i++) out[i * channels + c] = chw[src + i];
  }
  return out;
}

/**
 * Standardises every channel to zero mean and unit variance over the grid, in place. Reference
 * experiments on the shared sets found this beats per-cell L2 normalisation (methods.md).
 */
export function standardizeChannels(grid: FeatureGrid): FeatureGrid {
  const { data, channels } = grid;
  const n = grid.width * grid.height;
  const mean = new Float64Array(channels);
  const sq = new Float64Array(channels);
  for (let i = 0; i < n; i++) {
    const o = i * channels;
    for (let c = 0; c < channels; c++) { const v = data[o + c]; mean[c] += v; sq[c] += v * v; }
  }
  const inv = new Float32Array(channels);
  for (let c = 0; c < channels; c++) {
    mean[c] /= n;
    const variance = Math.max(sq[c] / n - mean[c] * mean[c], 0);
    inv[c] = 1 / Math.sqrt(variance + 1e-6);
  }
  for (let i = 0; i < n; i++) {
    const o = i * channels;
    for (let c = 0; c < channels; c++) data[o + c] = (data[o + c] - mean[c]) * inv[c];
  }
  return grid;
}
