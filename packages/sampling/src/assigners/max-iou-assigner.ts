import { boxCount, Boxes } from '../boxes/boxes';
import { boxIou } from '../boxes/iou';
import type { AssignResult } from './assign-result';

/**
 * Max-IoU assignment (Faster R-CNN; mmdetection's MaxIoUAssigner, same parameters and meaning).
 * Steps, in this order (the order matters):
 *   1. every box starts IGNORED (-1);
 *   2. boxes whose max IoU with any gt lies in the negative range become NEGATIVE (0);
 *   3. boxes whose max IoU >= pos_iou_thr become POSITIVE for their best gt;
 *   4. low-quality matches (when enabled): every gt whose best IoU >= min_pos_iou claims its best
 *      box(es), overwriting step 3, so each gt gets at least one positive where it can.
 */
export interface MaxIoUAssignerConfig {
  type?: 'MaxIoUAssigner';
  /** IoU at or above which a box is positive. */
  pos_iou_thr: number;
  /** Negative range: a number t means [0, t); a pair [lo, hi] means [lo, hi). */
  neg_iou_thr: number | readonly [number, number];
  /** Step 4 only assigns a gt's best box when that IoU is at least this (default 0). */
  min_pos_iou?: number;
  /** Step 4: give the gt every box tied at its best IoU (true, default) or only the first. */
  gt_max_assign_all?: boolean;
  /** Enables step 4 (default true; mmdetection turns it off for second-stage heads). */
  match_low_quality?: boolean;
  /** Boxes covered by an ignore region with IoF above this are ignored; < 0 disables (default -1). */
  ignore_iof_thr?: number;
  /** IoF measured over the candidate box (true, default) or over the ignore region. */
  ignore_wrt_candidates?: boolean;
}

export interface AssignInputs {
  /** Candidate boxes (anchors or proposals) [N,4]. */
  boxes: Boxes;
  /** Ground-truth boxes [K,4]. */
  gtBoxes: Boxes;
  /** Crowd / ignore regions [G,4], used with ignore_iof_thr. */
  gtBoxesIgnore?: Boxes;
  /** Class label per ground truth, copied to positives. */
  gtLabels?: ArrayLike<number>;
}

const KNOWN_KEYS = ['type', 'pos_iou_thr', 'neg_iou_thr', 'min_pos_iou', 'gt_max_assign_all', 'match_low_quality', 'ignore_iof_thr', 'ignore_wrt_candidates'];

export class MaxIoUAssigner {
  readonly posIouThr: number;
  readonly negRange: readonly [number, number];
  readonly minPosIou: number;
  readonly gtMaxAssignAll: boolean;
  readonly matchLowQuality: boolean;
  readonly ignoreIofThr: number;
  readonly ignoreWrtCandidates: boolean;

  constructor(config: MaxIoUAssignerConfig) {
    for (const k of Object.keys(config)) {
      if (!KNOWN_KEYS.includes(k)) throw new Error(`MaxIoUAssigner: unknown option '${k}'; known options: ${KNOWN_KEYS.slice(1).join(', ')}`);
    }
    if (typeof config.pos_iou_thr !== 'number' || Number.isNaN(config.pos_iou_thr)) {
      throw new Error(`MaxIoUAssigner: pos_iou_thr must be a number, got ${String(config.pos_iou_thr)}`);
    }
    const neg = config.neg_iou_thr;
    if (typeof neg === 'number') this.negRange = [0, neg];
    else if (Array.isArray(neg) && neg.length === 2 && neg.every((v) => typeof v === 'number')) this.negRange = [neg[0], neg[1]];
    else throw new Error(`MaxIoUAssigner: neg_iou_thr must be a number or a [lo, hi] pair, got ${JSON.stringify(neg)}`);
    this.posIouThr = config.pos_iou_thr;
    this.minPosIou = config.min_pos_iou ?? 0;
    this.gtMaxAssignAll = config.gt_max_assign_all ?? true;
    this.matchLowQuality = config.match_low_quality ?? true;
    this.ignoreIofThr = config.ignore_iof_thr ?? -1;
    this.ignoreWrtCandidates = config.ignore_wrt_candidates ?? true;
  }

  assign(inputs: AssignInputs): AssignResult {
    const n = boxCount(inputs.boxes, 'boxes');
    const k = boxCount(inputs.gtBoxes, 'gtBoxes');
    if (inputs.gtLabels && inputs.gtLabels.length !== k) {
      throw new Error(`MaxIoUAssigner: ${inputs.gtLabels.length} gtLabels for ${k} gtBoxes`);
    }
    // overlaps is K x N (gt-major), as in mmdetection.
    const overlaps = boxIou(inputs.gtBoxes, inputs.boxes);
    const ign = inputs.gtBoxesIgnore;
    if (this.ignoreIofThr > 0 && ign && ign.length > 0 && n > 0) {
      const g = boxCount(ign, 'gtBoxesIgnore');
      const ignoreMax = new Float32Array(n);
      if (this.ignoreWrtCandidates) {
        const iof = boxIou(inputs.boxes, ign, { mode: 'iof' });
        for (let i = 0; i < n; i++) { let m = -Infinity; for (let j = 0; j < g; j++) m = Math.max(m, iof[i * g + j]); ignoreMax[i] = m; }
      } else {
        const iof = boxIou(ign, inputs.boxes, { mode: 'iof' });
        ignoreMax.fill(-Infinity);
        for (let j = 0; j < g; j++) for (let i = 0; i < n; i++) ignoreMax[i] = Math.max(ignoreMax[i], iof[j * n + i]);
      }
      // An ignored box gets overlap -1 with every gt: below any negative range, so it stays -1.
      for (let i = 0; i < n; i++) if (ignoreMax[i] > this.ignoreIofThr) for (let j = 0; j < k; j++) overlaps[j * n + i] = -1;
    }
    return this.assignWrtOverlaps(overlaps, k, n, inputs.gtLabels);
  }

  /** Assignment from a precomputed K x N overlap matrix (gt-major). */
  assignWrtOverlaps(overlaps: Float32Array, numGts: number, numBoxes: number, gtLabels?: ArrayLike<number>): AssignResult {
    if (overlaps.length !== numGts * numBoxes) {
      throw new Error(`assignWrtOverlaps: overlaps has ${overlaps.length} values, expected ${numGts} x ${numBoxes}`);
    }
    const k = numGts, n = numBoxes;
    const gtInds = new Int32Array(n).fill(-1);
    const maxOverlaps = new Float32Array(n);
    const labels = gtLabels ? new Int32Array(n).fill(-1) : null;
    if (k === 0 || n === 0) {
      // No ground truth: everything is background. No boxes: nothing to do.
      if (k === 0) gtInds.fill(0);
      return { numGts: k, gtInds, maxOverlaps, labels };
    }
    // Per box: best gt (first on ties, like torch.max on CPU); per gt: best IoU.
    const argmax = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      let best = overlaps[i], arg = 0;
      for (let j = 1; j < k; j++) { const v = overlaps[j * n + i]; if (v > best) { best = v; arg = j; } }
      maxOverlaps[i] = best; argmax[i] = arg;
    }
    const gtMax = new Float32Array(k);
    const gtArgmax = new Int32Array(k);
    for (let j = 0; j < k; j++) {
      let best = overlaps[j * n], arg = 0;
      for (let i = 1; i < n; i++) { const v = overlaps[j * n + i]; if (v > best) { best = v; arg = i; } }
      gtMax[j] = best; gtArgmax[j] = arg;
    }
    // Step 2: negatives.
    const [lo, hi] = this.negRange;
    for (let i = 0; i < n; i++) if (maxOverlaps[i] >= lo && maxOverlaps[i] < hi) gtInds[i] = 0;
    // Step 3: positives above the threshold.
    for (let i = 0; i < n; i++) if (maxOverlaps[i] >= this.posIouThr) gtInds[i] = argmax[i] + 1;
    // Step 4: low-quality matches, later gts overwriting earlier ones as in mmdetection.
    if (this.matchLowQuality) {
      for (let j = 0; j < k; j++) {
        if (!(gtMax[j] >= this.minPosIou)) continue;
        if (this.gtMaxAssignAll) {
          for (let i = 0; i < n; i++) if (overlaps[j * n + i] === gtMax[j]) gtInds[i] = j + 1;
        } else {
          gtInds[gtArgmax[j]] = j + 1;
        }
      }
    }
    if (labels && gtLabels) for (let i = 0; i < n; i++) if (gtInds[i] > 0) labels[i] = gtLabels[gtInds[i] - 1];
    return { numGts: k, gtInds, maxOverlaps, labels };
  }
}
