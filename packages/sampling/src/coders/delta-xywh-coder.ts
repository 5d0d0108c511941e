import { boxCount, Boxes } from '../boxes/boxes';

/**
 * The R-CNN box parameterisation (Girshick et al., "Rich feature hierarchies...", CVPR 2014, and
 * mmdetection's DeltaXYWHBBoxCoder): a target box relative to a proposal as
 *   dx = (gx - px) / pw, dy = (gy - py) / ph, dw = log(gw / pw), dh = log(gh / ph)
 * with centres (x, y) and sizes (w, h), then normalised as (delta - means) / stds.
 * Deltas are flat [N,4] arrays in the order dx, dy, dw, dh.
 */
export interface DeltaCoderOptions {
  means?: readonly [number, number, number, number];
  stds?: readonly [number, number, number, number];
}

export interface DecodeOptions extends DeltaCoderOptions {
  /** Clip decoded boxes to an image of [height, width]: x to [0, width], y to [0, height]. */
  maxShape?: readonly [number, number];
  /** |dw|, |dh| are clamped to |log(whRatioClip)| before exp, so boxes cannot explode (default 16/1000). */
  whRatioClip?: number;
}

const DEFAULT_MEANS = [0, 0, 0, 0] as const;
const DEFAULT_STDS = [1, 1, 1, 1] as const;

/** Deltas that turn each proposal into its matched ground truth (row i to row i). */
export function encodeDeltas(proposals: Boxes, gts: Boxes, options: DeltaCoderOptions = {}): Float32Array {
  const n = boxCount(proposals, 'proposals');
  const m = boxCount(gts, 'gts');
  if (n !== m) throw new Error(`encodeDeltas: ${n} proposals but ${m} ground truths; rows must pair up`);
  const means = options.means ?? DEFAULT_MEANS;
  const stds = options.stds ?? DEFAULT_STDS;
  checkStds(stds);
  const out = new Float32Array(n * 4);
  for (let i = 0; i < n; i++) {
    const o = i * 4;
    const pw = proposals[o + 2] - proposals[o], ph = proposals[o + 3] - proposals[o + 1];
    const px = proposals[o] + 0.5 * pw, py = proposals[o + 1] + 0.5 * ph;
    const gw = gts[o + 2] - gts[o], gh = gts[o + 3] - gts[o + 1];
    const gx = gts[o] + 0.5 * gw, gy = gts[o + 1] + 0.5 * gh;
    out[o] = ((gx - px) / pw - means[0]) / stds[0];
    out[o + 1] = ((gy - py) / ph - means[1]) / stds[1];
    out[o + 2] = (Math.log(gw / pw) - means[2]) / stds[2];
    out[o + 3] = (Math.log(gh / ph) - means[3]) / stds[3];
  }
  return out;
}

/** Applies deltas to boxes (row i to row i): the inverse of encodeDeltas up to clamping and clipping. */
export function decodeDeltas(boxes: Boxes, deltas: Float32Array, options: DecodeOptions = {}): Boxes {
  const n = boxCount(boxes, 'boxes');
  const m = boxCount(deltas, 'deltas');
  if (n !== m) throw new Error(`decodeDeltas: ${n} boxes but ${m} delta rows`);
  const means = options.means ?? DEFAULT_MEANS;
  const stds = options.stds ?? DEFAULT_STDS;
  checkStds(stds);
  const clip = options.whRatioClip ?? 16 / 1000;
  if (!(clip > 0)) throw new Error(`decodeDeltas: whRatioClip must be > 0, got ${clip}`);
  const maxRatio = Math.abs(Math.log(clip));
  const out = new Float32Array(n * 4);
  for (let i = 0; i < n; i++) {
    const o = i * 4;
    const dx = deltas[o] * stds[0] + means[0];
    const dy = deltas[o + 1] * stds[1] + means[1];
    const dw = Math.min(Math.max(deltas[o + 2] * stds[2] + means[2], -maxRatio), maxRatio);
    const dh = Math.min(Math.max(deltas[o + 3] * stds[3] + means[3], -maxRatio), maxRatio);
    const pw = boxes[o + 2] - boxes[o], ph = boxes[o + 3] - boxes[o + 1];
    const px = boxes[o] + 0.5 * pw, py = boxes[o + 1] + 0.5 * ph;
    const gw = pw * Math.exp(dw), gh = ph * Math.exp(dh);
    const gx = px + pw * dx, gy = py + ph * dy;
    let x1 = gx - 0.5 * gw, y1 = gy - 0.5 * gh, x2 = gx + 0.5 * gw, y2 = gy + 0.5 * gh;
    if (options.maxShape) {
      const [h, w] = options.maxShape;
      x1 = Math.min(Math.max(x1, 0), w); x2 = Math.min(Math.max(x2, 0), w);
      y1 = Math.min(Math.max(y1, 0), h); y2 = Math.min(Math.max(y2, 0), h);
    }
    out[o] = x1; out[o + 1] = y1; out[o + 2] = x2; out[o + 3] = y2;
  }
  return out;
}

function checkStds(stds: readonly number[]): void {
  if (stds.length !== 4 || stds.some((s) => !(s > 0))) throw new Error(`delta coder stds must be 4 positive numbers, got [${stds.join(', ')}]`);
}
