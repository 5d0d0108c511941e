/**
 * The outcome of assigning ground truths to boxes, with mmdetection's AssignResult convention for
 * `gtInds` (kept so that configs and numbers carry over unchanged):
 *   gtInds[i] = 0      box i is a NEGATIVE (background),
 *   gtInds[i] = -1     box i is IGNORED (neither positive nor negative),
 *   gtInds[i] = k > 0  box i is POSITIVE for ground truth k - 1 (1-based).
 */
export interface AssignResult {
  numGts: number;
  gtInds: Int32Array;
  /** Each box's highest overlap with any ground truth (0 when there are none; -1 for ignored crowd boxes). */
  maxOverlaps: Float32Array;
  /** Class label of the assigned ground truth for positives, -1 elsewhere; null when no labels were given. */
  labels: Int32Array | null;
}

export const NEGATIVE = 0;
export const IGNORED = -1;

/** Indices of positive boxes (gtInds > 0), ascending. */
export function positiveIndices(assign: AssignResult): Int32Array {
  const g = assign.gtInds;
  let n = 0;
  for (let i = 0; i < g.length; i++) if (g[i] > 0) n++;
  const out = new Int32Array(n);
  n = 0;
  for (let i = 0; i < g.length; i++) if (g[i] > 0) out[n++] = i;
  return out;
}

/** Indices of negative boxes (gtInds == 0), ascending. */
export function negativeIndices(assign: AssignResult): Int32Array {
  const g = assign.gtInds;
  let n = 0;
  for (let i = 0; i < g.length; i++) if (g[i] === 0) n++;
  const out = new Int32Array(n);
  n = 0;
  for (let i = 0; i < g.length; i++) if (g[i] === 0) out[n++] = i;
  return out;
}

/**
 * Prepends the ground truths themselves as perfect proposals (mmdetection's add_gt_): box j < numGts
 * is gt j, positive for itself with overlap 1. Returns a new result; the input is not changed.
 */
export function withGtAsProposals(assign: AssignResult, gtLabels?: ArrayLike<number> | null): AssignResult {
  const k = assign.numGts;
  const n = assign.gtInds.length;
  const gtInds = new Int32Array(k + n);
  const maxOverlaps = new Float32Array(k + n);
  for (let j = 0; j < k; j++) { gtInds[j] = j + 1; maxOverlaps[j] = 1; }
  gtInds.set(assign.gtInds, k);
  maxOverlaps.set(assign.maxOverlaps, k);
  let labels: Int32Array | null = null;
  if (assign.labels) {
    if (!gtLabels || gtLabels.length !== k) {
      throw new Error(`withGtAsProposals: the assignment has labels, so ${k} ground-truth labels are needed, got ${gtLabels ? gtLabels.length : 'none'}`);
    }
    labels = new Int32Array(k + n);
    for (let j = 0; j < k; j++) labels[j] = gtLabels[j];
    labels.set(assign.labels, k);
  }
  return { numGts: k, gtInds, maxOverlaps, labels };
}
