/**
 * The local k-means of SLIC (Achanta et al., TPAMI 2012, Algorithm 1): each centre only competes
 * for the pixels of its 2S x 2S window, with distance D = d_feature^2 + (m / S)^2 d_xy^2.
 *
 * Pixels are visited cluster by cluster with a per-pixel best-distance buffer (the standard
 * implementation), on float32 interleaved features; the spatial weight (m / S)^2 is precomputed and
 * squared differences are products, never Math.pow. No allocation happens inside the loops.
 */
export interface KMeansState {
  /** Interleaved features [H, W, C]. */
  feat: Float32Array;
  channels: number;
  width: number;
  height: number;
  /** Centres: positions and C features each. */
  cx: Float64Array;
  cy: Float64Array;
  cf: Float64Array;
  count: number;
  /** Half-sizes of the search window in x and y (S per axis). */
  radiusX: number;
  radiusY: number;
  /** (m / S)^2. */
  spatialWeight: number;
  /** Current assignment; must start valid (every pixel a cluster index). */
  labels: Int32Array;
}

/** Reusable buffers: `dist` has one float per pixel, `coarse` is grown as needed. */
export interface KMeansScratch {
  dist: Float32Array;
  coarse: (size: number) => Float32Array;
}

/**
 * Runs `iterations` assignment steps, each followed by a centre update except the last.
 *
 * With `subsample` = s > 1 (coarse-to-fine, in the spirit of fast-slic's subsampling), all
 * iterations but the last run on a copy of the features averaged over s x s blocks (1/s^2 of the
 * pixels, contiguous in memory) with positions, window and spatial weight rescaled to match; the
 * centres then return to full resolution for the last assignment, which visits every pixel.
 */
export function runKMeans(s: KMeansState, iterations: number, subsample = 1, scratch?: KMeansScratch): void {
  const n = s.width * s.height;
  const dist = scratch?.dist ?? new Float32Array(n);
  if (subsample > 1 && iterations > 1) {
    coarsePhase(s, iterations - 1, subsample, dist, scratch);
    iterations = 1;
  }
  const sums = new Float64Array(s.count * (s.channels + 2));
  const counts = new Int32Array(s.count);
  for (let it = 0; it < iterations; it++) {
    if (s.channels === 3) assign3(s, dist);
    else assignC(s, dist);
    if (it + 1 < iterations) updateCentres(s, sums, counts);
  }
}

/** The first `iterations` iterations on block averages; leaves the centres at full resolution. */
function coarsePhase(s: KMeansState, iterations: number, f: number, dist: Float32Array, scratch?: KMeansScratch): void {
  const { width, height, channels: c } = s;
  const cw = Math.ceil(width / f);
  const ch = Math.ceil(height / f);
  const nc = cw * ch;
  const feat = scratch ? scratch.coarse(nc * c) : new Float32Array(nc * c);
  blockAverage(s.feat, c, width, height, f, feat, cw, ch);
  // The coarse distances and labels fit in the full-resolution distance buffer (s >= 2).
  const fits = 2 * nc <= dist.length;
  const cdist = fits ? dist.subarray(0, nc) : new Float32Array(nc);
  const clabels = fits ? new Int32Array(dist.buffer, dist.byteOffset + 4 * nc, nc) : new Int32Array(nc);
  for (let y = 0; y < ch; y++) for (let x = 0; x < cw; x++) clabels[y * cw + x] = s.labels[y * f * width + x * f];
  // A block's centre sits at (x + 0.5) * f - 0.5 in full-resolution pixels.
  const toCoarse = (v: number) => (v + 0.5) / f - 0.5;
  const { cx, cy } = s;
  for (let k = 0; k < s.count; k++) { cx[k] = toCoarse(cx[k]); cy[k] = toCoarse(cy[k]); }
  const coarse: KMeansState = {
    ...s, feat, width: cw, height: ch, labels: clabels,
    radiusX: s.radiusX / f, radiusY: s.radiusY / f, spatialWeight: s.spatialWeight * f * f,
  };
  // `iterations` assignments, each followed by an update (runKMeans skips the last one's).
  runKMeans(coarse, iterations, 1, { dist: cdist, coarse: () => feat });
  updateCentres(coarse, new Float64Array(s.count * (c + 2)), new Int32Array(s.count));
  for (let k = 0; k < s.count; k++) { cx[k] = (cx[k] + 0.5) * f - 0.5; cy[k] = (cy[k] + 0.5) * f - 0.5; }
}

/** Averages interleaved features over f x f blocks (partial blocks at the right and bottom edges). */
function blockAverage(src: Float32Array, c: number, width: number, height: number, f: number, out: Float32Array, cw: number, ch: number): void {
  out.fill(0);
  for (let y = 0; y < height; y++) {
    const orow = ((y / f) | 0) * cw;
    for (let x = 0, p = y * width * c; x < width; x++) {
      const o = (orow + ((x / f) | 0)) * c;
      for (let k = 0; k < c; k++, p++) out[o + k] += src[p];
    }
  }
  for (let by = 0; by < ch; by++) {
    const rows = Math.min(f, height - by * f);
    for (let bx = 0; bx < cw; bx++) {
      const inv = 1 / (rows * Math.min(f, width - bx * f));
      const o = (by * cw + bx) * c;
      for (let k = 0; k < c; k++) out[o + k] *= inv;
    }
  }
}

/** Assignment step specialised for three channels (Lab), the hot path. */
function assign3(s: KMeansState, dist: Float32Array): void {
  const { feat, cx, cy, cf, width, height, labels, spatialWeight: w, radiusX: rx, radiusY: ry } = s;
  dist.fill(Infinity);
  for (let k = 0; k < s.count; k++) {
    const ccx = cx[k];
    const ccy = cy[k];
    // The 2S x 2S window around the centre, clipped to the image.
    const x0 = Math.max(0, Math.ceil(ccx - rx));
    const x1 = Math.min(width - 1, Math.floor(ccx + rx));
    const y0 = Math.max(0, Math.ceil(ccy - ry));
    const y1 = Math.min(height - 1, Math.floor(ccy + ry));
    const f0 = cf[3 * k];
    const f1 = cf[3 * k + 1];
    const f2 = cf[3 * k + 2];
    for (let y = y0; y <= y1; y++) {
      const dy = y - ccy;
      const dyw = dy * dy * w;
      let i = y * width + x0;
      let p = 3 * i;
      for (let x = x0; x <= x1; x++, i++, p += 3) {
        const dx = x - ccx;
        const d0 = feat[p] - f0;
        const d1 = feat[p + 1] - f1;
        const d2 = feat[p + 2] - f2;
        const d = d0 * d0 + d1 * d1 + d2 * d2 + dyw + dx * dx * w;
        if (d < dist[i]) {
          dist[i] = d;
          labels[i] = k;
        }
      }
    }
  }
}

/** Assignment step for any channel count (feature maps). */
function assignC(s: KMeansState, dist: Float32Array): void {
  const { feat, cx, cy, cf, width, height, labels, spatialWeight: w, channels: c, radiusX: rx, radiusY: ry } = s;
  dist.fill(Infinity);
  for (let k = 0; k < s.count; k++) {
    const ccx = cx[k];
    const ccy = cy[k];
    const x0 = Math.max(0, Math.ceil(ccx - rx));
    const x1 = Math.min(width - 1, Math.floor(ccx + rx));
    const y0 = Math.max(0, Math.ceil(ccy - ry));
    const y1 = Math.min(height - 1, Math.floor(ccy + ry));
    const fk = k * c;
    for (let y = y0; y <= y1; y++) {
      const dy = y - ccy;
      const dyw = dy * dy * w;
      let i = y * width + x0;
      let p = c * i;
      for (let x = x0; x <= x1; x++, i++, p += c) {
        const dx = x - ccx;
        let d = dyw + dx * dx * w;
        for (let ch = 0; ch < c; ch++) {
          const t = feat[p + ch] - cf[fk + ch];
          d += t * t;
        }
        if (d < dist[i]) {
          dist[i] = d;
          labels[i] = k;
        }
      }
    }
  }
}

/** Update step: each centre moves to the mean position and mean feature of its pixels. */
function updateCentres(s: KMeansState, sums: Float64Array, counts: Int32Array): void {
  const { feat, labels, width, height, channels: c, cx, cy, cf } = s;
  const stride = c + 2;
  sums.fill(0);
  counts.fill(0);
  if (c === 3) {
    // The Lab hot path, unrolled.
    for (let y = 0, i = 0, p = 0; y < height; y++) {
      for (let x = 0; x < width; x++, i++, p += 3) {
        const k = labels[i];
        const b = k * 5;
        counts[k]++;
        sums[b] += x;
        sums[b + 1] += y;
        sums[b + 2] += feat[p];
        sums[b + 3] += feat[p + 1];
        sums[b + 4] += feat[p + 2];
      }
    }
  } else {
    for (let y = 0, i = 0; y < height; y++) {
      for (let x = 0; x < width; x++, i++) {
        const k = labels[i];
        const b = k * stride;
        counts[k]++;
        sums[b] += x;
        sums[b + 1] += y;
        const p = i * c;
        for (let ch = 0; ch < c; ch++) sums[b + 2 + ch] += feat[p + ch];
      }
    }
  }
  for (let k = 0; k < s.count; k++) {
    const n = counts[k];
    // A centre that lost all its pixels stays where it was; it may win some back.
    if (n === 0) continue;
    const b = k * stride;
    const inv = 1 / n;
    cx[k] = sums[b] * inv;
    cy[k] = sums[b + 1] * inv;
    for (let ch = 0; ch < c; ch++) cf[k * c + ch] = sums[b + 2 + ch] * inv;
  }
}
