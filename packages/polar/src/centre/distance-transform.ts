import { checkMask, Mask } from '../mask/mask';

/**
 * Exact squared Euclidean distance from every object pixel to the nearest background pixel
 * (0 on background), by the separable lower-envelope algorithm of Felzenszwalb & Huttenlocher,
 * "Distance transforms of sampled functions" (Theory of Computing 2012). Outside the image counts
 * as background, so objects touching the border are measured to it.
 */
export function squaredDistanceTransform(mask: Mask): Float64Array {
  checkMask(mask);
  const { width: w, height: h, data } = mask;
  const big = (w + h + 2) * (w + h + 2);
  // Pad by one background pixel on every side so the image border acts as background.
  const pw = w + 2, ph = h + 2;
  const f = new Float64Array(pw * ph);
  for (let y = 0; y < ph; y++) for (let x = 0; x < pw; x++) {
    const inside = x > 0 && y > 0 && x <= w && y <= h && data[(y - 1) * w + (x - 1)] !== 0;
    f[y * pw + x] = inside ? big : 0;
  }
  const len = Math.max(pw, ph);
  const line = new Float64Array(len), outLine = new Float64Array(len);
  const v = new Int32Array(len), z = new Float64Array(len + 1);
  // Columns, then rows: the 2D transform is the 1D transform applied along each axis.
  for (let x = 0; x < pw; x++) {
    for (let y = 0; y < ph; y++) line[y] = f[y * pw + x];
    dt1d(line, ph, outLine, v, z);
    for (let y = 0; y < ph; y++) f[y * pw + x] = outLine[y];
  }
  for (let y = 0; y < ph; y++) {
    for (let x = 0; x < pw; x++) line[x] = f[y * pw + x];
    dt1d(line, pw, outLine, v, z);
    for (let x = 0; x < pw; x++) f[y * pw + x] = outLine[x];
  }
  const out = new Float64Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) out[y * w + x] = f[(y + 1) * pw + (x + 1)];
  return out;
}

/** 1D squared distance transform of samples f[0..n) (lower envelope of parabolas). */
function dt1d(f: Float64Array, n: number, d: Float64Array, v: Int32Array, z: Float64Array): void {
  let k = 0;
  v[0] = 0; z[0] = -Infinity; z[1] = Infinity;
  for (let q = 1; q < n; q++) {
    let s = ((f[q] + q * q) - (f[v[k]] + v[k] * v[k])) / (2 * q - 2 * v[k]);
    while (s <= z[k]) {
      k--;
      s = ((f[q] + q * q) - (f[v[k]] + v[k] * v[k])) / (2 * q - 2 * v[k]);
    }
    k++;
    v[k] = q; z[k] = s; z[k + 1] = Infinity;
  }
  k = 0;
  for (let q = 0; q < n; q++) {
    while (z[k + 1] < q) k++;
    const dq = q - v[k];
    d[q] = dq * dq + f[v[k]];
  }
}

/** The object pixel farthest from the background (the centre of the largest inscribed disc); null when empty. */
export function distancePeak(mask: Mask): [number, number] | null {
  const d = squaredDistanceTransform(mask);
  let best = -1, at = -1;
  for (let i = 0; i < d.length; i++) if (d[i] > best) { best = d[i]; at = i; }
  if (best <= 0) return null;
  return [at % mask.width, Math.floor(at / mask.width)];
}
