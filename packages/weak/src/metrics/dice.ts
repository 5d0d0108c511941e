/** Overlap of a predicted binary mask with the ground truth (any non-zero value is foreground). */
export interface Overlap {
  /** 2|P ∩ G| / (|P| + |G|); 1 when both are empty. */
  dice: number;
  /** |P ∩ G| / |P ∪ G|; 1 when both are empty. */
  iou: number;
  intersection: number;
  predicted: number;
  truth: number;
}

export function overlap(pred: ArrayLike<number>, truth: ArrayLike<number>): Overlap {
  if (pred.length !== truth.length) throw new Error(`overlap: prediction has ${pred.length} pixels, ground truth ${truth.length}`);
  let inter = 0; let p = 0; let t = 0;
  for (let i = 0; i < pred.length; i++) {
    const a = pred[i] !== 0; const b = truth[i] !== 0;
    if (a) p++;
    if (b) t++;
    if (a && b) inter++;
  }
  const union = p + t - inter;
  return { dice: p + t === 0 ? 1 : (2 * inter) / (p + t), iou: union === 0 ? 1 : inter / union, intersection: inter, predicted: p, truth: t };
}

/** Dice and IoU of summed counts over several images (the "aggregate" figures). */
export function pooledOverlap(parts: readonly Overlap[]): { dice: number; iou: number } {
  let inter = 0; let p = 0; let t = 0;
  for (const o of parts) { inter += o.intersection; p += o.predicted; t += o.truth; }
  const union = p + t - inter;
  return { dice: p + t === 0 ? 1 : (2 * inter) / (p + t), iou: union === 0 ? 1 : inter / union };
}
