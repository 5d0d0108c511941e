import { areaRatioLabels, areaWeightedLabels, PseudoLabels } from '@seg/graph';

/** How the area ratio becomes vertex pseudo-labels. */
export interface RatioLabelOptions {
  /** Estimated error e of the ratios (a row's own error overrides it). */
  error: number;
  /** Count pixels (area-weighted, default) or vertices (methods.md: area weighting cut the ratio error 0.075 -> 0.062). */
  areaWeighted?: boolean;
}

/**
 * Pseudo-labels of one tile from the area ratio and the current vertex scores: the top-scored
 * vertices covering (r − e) of the tile are foreground, the bottom ones covering (1 − r − e)
 * background, the band between is unlabelled (ignored by the loss).
 */
export function ratioLabels(scores: ArrayLike<number>, area: Int32Array, ratio: number, error: number, areaWeighted = true): PseudoLabels {
  return areaWeighted ? areaWeightedLabels(scores, area, ratio, { error }) : areaRatioLabels(scores, ratio, { error });
}

/** Vertex labels from a ground-truth mask (majority of member pixels): the full-supervision upper bound. */
export function majorityLabels(labels: Int32Array, count: number, mask: ArrayLike<number>): Int8Array {
  if (mask.length !== labels.length) throw new Error(`majorityLabels: mask has ${mask.length} pixels, the label map ${labels.length}`);
  const fg = new Int32Array(count);
  const all = new Int32Array(count);
  for (let p = 0; p < labels.length; p++) { all[labels[p]]++; if (mask[p]) fg[labels[p]]++; }
  const out = new Int8Array(count);
  for (let v = 0; v < count; v++) out[v] = 2 * fg[v] > all[v] ? 1 : 0;
  return out;
}
