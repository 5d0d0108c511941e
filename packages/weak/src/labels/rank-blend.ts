/**
 * Per-image rank normalisation: each value becomes its quantile in (0, 1) among the image's
 * values (ties share the mean rank), so scores on different scales (a stain concentration, a
 * model probability) can be averaged without one dominating.
 */
export function quantiles(values: Float32Array): Float32Array {
  const n = values.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => values[a] - values[b]);
  const out = new Float32Array(n);
  for (let i = 0; i < n;) {
    let j = i;
    while (j + 1 < n && values[order[j + 1]] === values[order[i]]) j++;
    const q = ((i + j) / 2 + 0.5) / n;
    for (let k = i; k <= j; k++) out[order[k]] = q;
    i = j + 1;
  }
  return out;
}

/** The mean of several scores' per-image quantiles (weights default to equal). */
export function blendRanks(scores: readonly Float32Array[], weights: readonly number[] = scores.map(() => 1)): Float32Array {
  if (scores.length === 0) throw new Error('blendRanks: no scores');
  const n = scores[0].length;
  for (const s of scores) if (s.length !== n) throw new Error(`blendRanks: scores of ${s.length} and ${n} values`);
  const total = weights.reduce((a, w) => a + w, 0);
  const out = new Float32Array(n);
  scores.forEach((s, k) => {
    const q = quantiles(s);
    const w = weights[k] / total;
    for (let i = 0; i < n; i++) out[i] += w * q[i];
  });
  return out;
}
