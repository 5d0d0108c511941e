/**
 * Separable Gaussian blur of planar [C, H, W] float maps, edges replicated, truncated at 3σ.
 * Used for the smoothed copies of the colour features (context around each pixel).
 */
export function gaussianKernel1d(sigma: number): Float32Array {
  if (!(sigma > 0) || !Number.isFinite(sigma)) throw new Error(`gaussian blur: sigma must be a positive finite number, got ${sigma}`);
  const r = Math.max(1, Math.ceil(3 * sigma));
  const k = new Float32Array(2 * r + 1);
  let s = 0;
  for (let i = -r; i <= r; i++) { k[i + r] = Math.exp((-i * i) / (2 * sigma * sigma)); s += k[i + r]; }
  for (let i = 0; i < k.length; i++) k[i] /= s;
  return k;
}

export function gaussianBlur(planes: Float32Array, channels: number, height: number, width: number, sigma: number): Float32Array {
  const n = height * width;
  if (planes.length !== channels * n) throw new Error(`gaussian blur: expected [${channels}, ${height}, ${width}] = ${channels * n} values, got ${planes.length}`);
  const k = gaussianKernel1d(sigma);
  const r = (k.length - 1) >> 1;
  const out = new Float32Array(planes.length);
  const tmp = new Float32Array(n);
  const acc = new Float64Array(width);
  const padded = new Float32Array(width + 2 * r);
  // Clamped column and row indices once, so the inner loops only read tables.
  const xs = new Int32Array(width + 2 * r);
  for (let i = 0; i < xs.length; i++) xs[i] = Math.min(width - 1, Math.max(0, i - r));
  const ys = new Int32Array(height + 2 * r);
  for (let i = 0; i < ys.length; i++) ys[i] = Math.min(height - 1, Math.max(0, i - r)) * width;
  for (let c = 0; c < channels; c++) {
    const src = planes.subarray(c * n, (c + 1) * n);
    const dst = out.subarray(c * n, (c + 1) * n);
    // Step 1: along rows, each row copied with replicated edges so that every tap is a
    // contiguous pass (same sums in the same order as a per-pixel loop).
    for (let y = 0; y < height; y++) {
      const row = y * width;
      for (let i = 0; i < padded.length; i++) padded[i] = src[row + xs[i]];
      acc.fill(0);
      for (let j = 0; j < k.length; j++) {
        const kj = k[j];
        for (let x = 0; x < width; x++) acc[x] += kj * padded[x + j];
      }
      for (let x = 0; x < width; x++) tmp[row + x] = acc[x];
    }
    // Step 2: along columns, a whole row at a time (contiguous reads; the same sums in the same
    // order as a per-pixel loop, so the result is identical).
    for (let y = 0; y < height; y++) {
      acc.fill(0);
      for (let j = 0; j < k.length; j++) {
        const kj = k[j];
        const from = ys[y + j];
        for (let x = 0; x < width; x++) acc[x] += kj * tmp[from + x];
      }
      const row = y * width;
      for (let x = 0; x < width; x++) dst[row + x] = acc[x];
    }
  }
  return out;
}
