/** Euclidean distance between the feature vectors ([N, C] row-major) of each edge's two vertices. */
export function edgeDistances(features: Float32Array, channels: number, src: Int32Array, dst: Int32Array): Float32Array {
  if (src.length !== dst.length) throw new Error(`edgeDistances: ${src.length} sources but ${dst.length} targets`);
  if (!Number.isInteger(channels) || channels < 1 || features.length % channels !== 0) {
    throw new Error(`edgeDistances: ${features.length} feature values do not split into rows of ${channels}`);
  }
  const N = features.length / channels;
  const out = new Float32Array(src.length);
  for (let e = 0; e < src.length; e++) {
    const a = src[e]; const b = dst[e];
    if (a < 0 || a >= N || b < 0 || b >= N) throw new Error(`edgeDistances: edge ${e} (${a}, ${b}) has a vertex outside [0, ${N})`);
    let s = 0;
    const oa = a * channels; const ob = b * channels;
    for (let c = 0; c < channels; c++) { const d = features[oa + c] - features[ob + c]; s += d * d; }
    out[e] = Math.sqrt(s);
  }
  return out;
}

/** Median of the values (mean of the two middle ones for an even count, as numpy); NaN when empty. */
export function median(values: ArrayLike<number>): number {
  const n = values.length;
  if (n === 0) return NaN;
  const s = Float64Array.from(values).sort();
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}
