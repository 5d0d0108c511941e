// Benchmarks of @seg/sampling, one thread: the 2000 x 50 IoU matrix and IoU-balanced sampling of 384
// negatives (Libra R-CNN config), with numpy timings of the same operations from
// scripts/reference/boxes.py as reference fields when /usr/bin/python3 has numpy.
import { measure, report } from '@seg/bench';
import { ReferenceTiming, runReference, withReference } from '@seg/bench/node';
import { Rng } from '@seg/tensor';
import { boxIou, buildSampler, IoUBalancedNegSampler, MaxIoUAssigner, nms } from '../src';


/** 2000 proposals jittered around 50 ground truths (the distribution scripts/reference/boxes.py draws). */
function scene(rng: Rng, n = 2000, k = 50): { proposals: Float32Array; gts: Float32Array } {
  const gts = new Float32Array(k * 4);
  for (let j = 0; j < k; j++) {
    const x = rng.uniform(0, 800), y = rng.uniform(0, 800);
    gts.set([x, y, x + rng.uniform(20, 200), y + rng.uniform(20, 200)], j * 4);
  }
  const proposals = new Float32Array(n * 4);
  for (let i = 0; i < n; i++) {
    const o = rng.int(k) * 4;
    const w = gts[o + 2] - gts[o], h = gts[o + 3] - gts[o + 1];
    const cx = gts[o] + w / 2 + rng.normal() * w * 0.4, cy = gts[o + 1] + h / 2 + rng.normal() * h * 0.4;
    const sw = w * Math.exp(rng.normal(0, 0.4)), sh = h * Math.exp(rng.normal(0, 0.4));
    proposals.set([cx - sw / 2, cy - sh / 2, cx + sw / 2, cy + sh / 2], i * 4);
  }
  return { proposals, gts };
}

/** Reference timings by name, from scripts/reference/boxes.py (empty without numpy). */
async function references(): Promise<Map<string, ReferenceTiming>> {
  const rows = await runReference<ReferenceTiming>({ script: 'boxes.py', modules: 'numpy', args: ['bench'] });
  return new Map((rows ?? []).map((r) => [r.name, r]));
}

async function main(): Promise<void> {
  const rng = new Rng(0);
  const { proposals, gts } = scene(rng);
  const refs = await references();
  const out = new Float32Array(2000 * 50);
  report(withReference(await measure('iou-matrix', '2000x50', 1, () => boxIou(proposals, gts, { out }), { warmup: 20, runs: 200 }), refs.get('iou-matrix')));

  // IoU-balanced negatives: the sampler sees the assignment with the ground truths added (max IoU 1).
  const assign = new MaxIoUAssigner({ pos_iou_thr: 0.5, neg_iou_thr: 0.5, min_pos_iou: 0.5, match_low_quality: false }).assign({ boxes: proposals, gtBoxes: gts });
  const k = gts.length / 4;
  const gtInds = new Int32Array(k + 2000), maxOverlaps = new Float32Array(k + 2000);
  for (let j = 0; j < k; j++) { gtInds[j] = j + 1; maxOverlaps[j] = 1; }
  gtInds.set(assign.gtInds, k); maxOverlaps.set(assign.maxOverlaps, k);
  const withGts = { numGts: k, gtInds, maxOverlaps, labels: null };
  const negatives = gtInds.reduce((c, g) => c + (g === 0 ? 1 : 0), 0);
  const neg = new IoUBalancedNegSampler({ num: 512, pos_fraction: 0.25, floor_thr: -1, floor_fraction: 0, num_bins: 3 }, new Rng(1));
  report(withReference(await measure('iou-balanced-neg', `384 of ${negatives}`, 1, () => neg.sampleNeg(withGts, 384), { warmup: 20, runs: 200 }), refs.get('iou-balanced-neg')));

  // The whole Libra R-CNN sampling step (assign + combined sampler), and NMS, without references.
  const sampler = buildSampler({
    type: 'CombinedSampler', num: 512, pos_fraction: 0.25,
    pos_sampler: { type: 'InstanceBalancedPosSampler' },
    neg_sampler: { type: 'IoUBalancedNegSampler', floor_thr: -1, floor_fraction: 0, num_bins: 3 },
  }, { seed: 2 });
  const assigner = new MaxIoUAssigner({ pos_iou_thr: 0.5, neg_iou_thr: 0.5, min_pos_iou: 0.5, match_low_quality: false });
  report(await measure('assign+libra-sample', '2000 proposals, 50 gts, 512 samples', 1, () => sampler.sample(assigner.assign({ boxes: proposals, gtBoxes: gts }), proposals, gts), { warmup: 10, runs: 100 }));
  const scores = Float32Array.from({ length: 2000 }, () => rng.random());
  report(await measure('nms', '2000 boxes, IoU 0.5', 1, () => nms(proposals, scores, { iouThreshold: 0.5 }), { warmup: 10, runs: 100 }));
}

main().catch((e) => { process.stderr.write(`${(e as Error).stack}\n`); process.exit(1); });
