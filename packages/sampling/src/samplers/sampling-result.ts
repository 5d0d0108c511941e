import type { AssignResult } from '../assigners/assign-result';
import type { Boxes } from '../boxes/boxes';

/** What a sampler picked: indices into `boxes` (which has the ground truths prepended when add_gt_as_proposals). */
export interface SamplingResult {
  /** Sampled positive boxes, ascending. */
  posInds: Int32Array;
  /** Sampled negative boxes, ascending. */
  negInds: Int32Array;
  /** 0-based ground-truth index of each sampled positive. */
  posAssignedGtInds: Int32Array;
  /** 1 where the sampled positive is a ground truth added as a proposal. */
  posIsGt: Uint8Array;
  /** The boxes the indices refer to. */
  boxes: Boxes;
  /** 1 for each row of `boxes` that is an added ground truth. */
  gtFlags: Uint8Array;
  /** The assignment over `boxes` (with the added ground truths). */
  assign: AssignResult;
}
