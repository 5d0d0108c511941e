/**
 * Exact squared Euclidean distance transform in linear time (Felzenszwalb & Huttenlocher,
 * "Distance Transforms of Sampled Functions", Theory of Computing 2012): for every pixel, the
 * squared distance to the nearest pixel where `mask` is 0. Pixels outside the image count as
 * non-zero unless `borderIsBackground` is set, in which case the image border acts as background
 * (as when the mask is padded by one zero pixel, the convention of interactive-segmentation click
 * simulators).
 */
export function squaredDistanceTransform(mask: Uint8Array, width: number, height: number, borderIsBackground = false): Float64Array {
  if (mask.length !== width * height) throw new Error(`distance transform: mask has ${mask.length} pixels, expected ${width}x${height}`);
  const INF = 1e20;
  const W = borderIsBackground ? width + 2 : width;
  const H = borderIsBackground ? height + 2 : height;
  const o = borderIsBackground ? 1 : 0;
  const f = new Float64Array(W * H);
  if (borderIsBackground) {
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) f[(y + 1) * W + x + 1] = mask[y * width + x] ? INF : 0;
  } else {
    for (let i = 0; i < f.length; i++) f[i] = mask[i] ? INF : 0;
  }
  const n = Math.max(W, H);
  const line = new Float64Array(n);
  const out = new Float64Array(n);
  const v = new Int32Array(n);
  const z = new Float64Array(n + 1);
  // Pass 1: columns, pass 2: rows; each is a 1-D lower envelope of parabolas.
  for (let x = 0; x < W; x++) {
    for (let y = 0; y < H; y++) line[y] = f[y * W + x];
    envelope(line, H, out, v, z);
    for (let y = 0; y < H; y++) f[y * W + x] = out[y];
  }
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) line[x] = f[y * W + x];
    envelope(line, W, out, v, z);
    for (let x = 0; x < W; x++) f[y * W + x] = out[x];
  }
  if (!borderIsBackground) return f;
  const res = new Float64Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) res[y * width + x] = f[(y + o) * W + x + o];
  return res;
}

function envelope(f: Float64Array, n: number, d: Float64Array, v: Int32Array, z: Float64Array): void {
  let k = 0;
  v[0] = 0;
  z[0] = -Infinity;
  z[1] = Infinity;
  for (let q = 1; q < n; q++) {
    let s = ((f[q] + q * q) - (f[v[k]] + v[k] * v[k])) / (2 * q - 2 * v[k]);
    while (s <= z[k]) {
      k--;
      s = ((f[q] + q * q) - (f[v[k]] + v[k] * v[k])) / (2 * q - 2 * v[k]);
    }
    k++;
    v[k] = q;
    z[k] = s;
    z[k + 1] = Infinity;
  }
  k = 0;
  for (let q = 0; q < n; q++) {
    while (z[k + 1] < q) k++;
    const dq = q - v[k];
    d[q] = dq * dq + f[v[k]];
  }
}

/** Euclidean distance transform (square root of the squared transform). */
export function distanceTransform(mask: Uint8Array, width: number, height: number, borderIsBackground = false): Float32Array {
  const sq = squaredDistanceTransform(mask, width, height, borderIsBackground);
  const out = new Float32Array(sq.length);
  for (let i = 0; i < sq.length; i++) out[i] = Math.sqrt(sq[i]);
  return out;
}
