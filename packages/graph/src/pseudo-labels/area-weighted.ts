import { BACKGROUND, checkRatio, FOREGROUND, PseudoLabels, UNLABELLED } from './labels';
import { rankByScore } from './rank';

/**
 * When a walk stops: 'reach' takes vertices until their area reaches the target (the smallest
 * prefix with area >= target, so it may overshoot by part of one vertex); 'nearest' takes the
 * prefix whose area is closest to the target (ties: the smaller prefix).
 */
export type AreaStop = 'reach' | 'nearest';

export interface AreaRatioOptions {
  /** Estimated error e of the ratio. */
  error?: number;
  stop?: AreaStop;
  /** Image area; defaults to the sum of the vertex areas (every pixel belongs to one vertex). */
  totalArea?: number;
}

/** Whether a walk at area `acc` toward `target` takes a vertex of area `a`. */
function takes(stop: AreaStop, acc: number, a: number, target: number): boolean {
  if (acc >= target) return false;
  if (stop === 'reach' || acc + a <= target) return true;
  return acc + a - target < target - acc;
}

/**
 * Area-weighted pseudo-labels (method 1): vertices are taken in descending score order as
 * foreground until their pixel area reaches (r − e) of the image, then from the bottom of the
 * ranking as background until it reaches (1 − r − e); the rest are unlabelled. With e = 0 every
 * vertex not taken as foreground is background. Ties in score: lower index ranks higher.
 */
export function areaWeightedLabels(scores: ArrayLike<number>, area: ArrayLike<number>, ratio: number, options: AreaRatioOptions = {}): PseudoLabels {
  const error = options.error ?? 0;
  const stop = options.stop ?? 'reach';
  if (stop !== 'reach' && stop !== 'nearest') throw new Error(`pseudo-labels: stop must be 'reach' or 'nearest', got '${String(stop)}'`);
  checkRatio(ratio, error);
  const n = scores.length;
  if (area.length !== n) throw new Error(`pseudo-labels: ${area.length} areas for ${n} scores`);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    if (!(area[i] >= 0)) throw new Error(`pseudo-labels: area of vertex ${i} is ${area[i]}; areas must be >= 0`);
    sum += area[i];
  }
  const total = options.totalArea ?? sum;
  if (!(total > 0) || !Number.isFinite(total)) throw new Error(`pseudo-labels: total area must be a positive number, got ${total}`);
  const order = rankByScore(scores);
  const labels = new Int8Array(n).fill(UNLABELLED);
  // Step 1: foreground from the top of the ranking.
  const fgTarget = (ratio - error) * total;
  let fgArea = 0; let nFg = 0;
  while (nFg < n && takes(stop, fgArea, area[order[nFg]], fgTarget)) { labels[order[nFg]] = FOREGROUND; fgArea += area[order[nFg]]; nFg++; }
  // Step 2: background from the bottom, never crossing into the foreground.
  const bgTarget = error === 0 ? Infinity : (1 - ratio - error) * total;
  let bgArea = 0; let nBg = 0;
  for (let i = n - 1; i >= nFg; i--) {
    const v = order[i];
    if (!takes(stop, bgArea, area[v], bgTarget)) break;
    labels[v] = BACKGROUND; bgArea += area[v]; nBg++;
  }
  return { labels, foreground: nFg, background: nBg, foregroundArea: fgArea, backgroundArea: bgArea };
}
