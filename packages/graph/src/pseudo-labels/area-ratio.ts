import { BACKGROUND, checkRatio, FOREGROUND, PseudoLabels, UNLABELLED } from './labels';
import { rankByScore, roundCount } from './rank';

export interface RatioOptions {
  /** Estimated error e of the ratio: the uncertain band between the classes is left unlabelled. */
  error?: number;
}

/**
 * Pseudo-labels from an area ratio, counted in vertices (method 1, area-ratio weak supervision):
 * of N vertices ranked by score (ties: lower index first), the top n_fg = round((r − e)·N) are
 * foreground and the bottom n_bg = round((1 − r − e)·N) background; the rest are unlabelled.
 * Rounding is half up; both counts are clamped to [0, N] and n_bg to at most N − n_fg. With e = 0
 * every vertex is labelled: n_fg = round(r·N) and n_bg = N − n_fg.
 */
export function areaRatioLabels(scores: ArrayLike<number>, ratio: number, options: RatioOptions = {}): PseudoLabels {
  const error = options.error ?? 0;
  checkRatio(ratio, error);
  const n = scores.length;
  const order = rankByScore(scores);
  const clamp = (k: number, hi: number): number => Math.min(hi, Math.max(0, k));
  const nFg = clamp(roundCount((ratio - error) * n), n);
  const nBg = error === 0 ? n - nFg : clamp(roundCount((1 - ratio - error) * n), n - nFg);
  const labels = new Int8Array(n).fill(UNLABELLED);
  for (let i = 0; i < nFg; i++) labels[order[i]] = FOREGROUND;
  for (let i = 0; i < nBg; i++) labels[order[n - 1 - i]] = BACKGROUND;
  return { labels, foreground: nFg, background: nBg, foregroundArea: nFg, backgroundArea: nBg };
}
