/**
 * Vertex indices ordered by descending score; equal scores keep ascending index order, so the
 * ranking (and every pseudo-label drawn from it) is deterministic. NaN scores are an error.
 */
export function rankByScore(scores: ArrayLike<number>): Int32Array {
  const n = scores.length;
  for (let i = 0; i < n; i++) if (Number.isNaN(scores[i])) throw new Error(`pseudo-labels: score of vertex ${i} is NaN`);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  return order.sort((a, b) => (scores[b] - scores[a]) || (a - b));
}

/**
 * Round half up, for counts such as round(r·N). A tolerance of 1e-9 lets ratios written in
 * decimal round as written (0.35 × 10 is 3.4999999999999996 in binary floating point, yet 3.5).
 */
export function roundCount(x: number): number {
  return Math.floor(x + 0.5 + 1e-9);
}
