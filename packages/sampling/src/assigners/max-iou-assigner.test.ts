import { boxesFrom } from '../boxes/boxes';
import { negativeIndices, positiveIndices, withGtAsProposals } from './assign-result';
import { MaxIoUAssigner } from './max-iou-assigner';

describe('MaxIoUAssigner', () => {
  it('assigns positives, negatives and leaves the middle ignored', () => {
    // IoUs with gt [0,0,10,10]: box0 = 1, box1 = 0.81 (9x9 inside), box2 = 25/175, box3 = 0, box4 = 0.04
    const boxes = boxesFrom([[0, 0, 10, 10], [0, 0, 9, 9], [5, 5, 15, 15], [50, 50, 60, 60], [0, 0, 2, 2]]);
    const gt = boxesFrom([[0, 0, 10, 10]]);
    const r = new MaxIoUAssigner({ pos_iou_thr: 0.5, neg_iou_thr: [0.1, 0.3], match_low_quality: false }).assign({ boxes, gtBoxes: gt, gtLabels: [7] });
    expect(Array.from(r.gtInds)).toEqual([1, 1, 0, -1, -1]);
    expect(r.maxOverlaps[1]).toBeCloseTo(0.81, 6);
    expect(Array.from(r.labels!)).toEqual([7, 7, -1, -1, -1]);
    expect(Array.from(positiveIndices(r))).toEqual([0, 1]);
    expect(Array.from(negativeIndices(r))).toEqual([2]);
  });

  it('reproduces the mmdetection docstring example', () => {
    const r = new MaxIoUAssigner({ pos_iou_thr: 0.5, neg_iou_thr: 0.5 }).assign({
      boxes: boxesFrom([[0, 0, 10, 10], [10, 10, 20, 20]]), gtBoxes: boxesFrom([[0, 0, 10, 9]]),
    });
    expect(Array.from(r.gtInds)).toEqual([1, 0]);
  });

  it('low-quality matching gives each gt its best box when that IoU >= min_pos_iou', () => {
    const boxes = boxesFrom([[0, 0, 10, 10], [30, 30, 40, 40], [100, 100, 110, 110]]);
    // gt1 overlaps box1 with IoU 25/175 only; gt0 matches box0 exactly.
    const gts = boxesFrom([[0, 0, 10, 10], [35, 35, 45, 45]]);
    const base = { pos_iou_thr: 0.5, neg_iou_thr: 0.3 } as const;
    expect(Array.from(new MaxIoUAssigner({ ...base, min_pos_iou: 0.1 }).assign({ boxes, gtBoxes: gts }).gtInds)).toEqual([1, 2, 0]);
    expect(Array.from(new MaxIoUAssigner({ ...base, min_pos_iou: 0.2 }).assign({ boxes, gtBoxes: gts }).gtInds)).toEqual([1, 0, 0]);
    expect(Array.from(new MaxIoUAssigner({ ...base, match_low_quality: false }).assign({ boxes, gtBoxes: gts }).gtInds)).toEqual([1, 0, 0]);
  });

  it('gt_max_assign_all gives a gt every box tied at its best IoU', () => {
    // Two boxes overlap the gt equally (IoU 25/175 each).
    const boxes = boxesFrom([[5, 5, 15, 15], [-5, -5, 5, 5]]);
    const gts = boxesFrom([[0, 0, 10, 10]]);
    const cfg = { pos_iou_thr: 0.5, neg_iou_thr: 0.1, min_pos_iou: 0.1 } as const;
    expect(Array.from(new MaxIoUAssigner(cfg).assign({ boxes, gtBoxes: gts }).gtInds)).toEqual([1, 1]);
    expect(Array.from(new MaxIoUAssigner({ ...cfg, gt_max_assign_all: false }).assign({ boxes, gtBoxes: gts }).gtInds)).toEqual([1, -1]);
  });

  it('ignores boxes inside crowd regions by IoF', () => {
    const boxes = boxesFrom([[100, 100, 110, 110], [200, 200, 210, 210]]);
    const r = new MaxIoUAssigner({ pos_iou_thr: 0.5, neg_iou_thr: 0.5, ignore_iof_thr: 0.5, match_low_quality: false }).assign({
      boxes, gtBoxes: boxesFrom([[0, 0, 10, 10]]), gtBoxesIgnore: boxesFrom([[90, 90, 150, 150]]),
    });
    expect(Array.from(r.gtInds)).toEqual([-1, 0]);
    expect(r.maxOverlaps[0]).toBe(-1);
  });

  it('with min_pos_iou 0 (the default) a gt overlapping nothing claims every zero-IoU box, as in mmdetection', () => {
    const r = new MaxIoUAssigner({ pos_iou_thr: 0.5, neg_iou_thr: 0.5 }).assign({
      boxes: boxesFrom([[100, 100, 110, 110], [200, 200, 210, 210]]), gtBoxes: boxesFrom([[0, 0, 10, 10]]),
    });
    expect(Array.from(r.gtInds)).toEqual([1, 1]);
  });

  it('handles no ground truth and no boxes', () => {
    const a = new MaxIoUAssigner({ pos_iou_thr: 0.5, neg_iou_thr: 0.5 });
    const r = a.assign({ boxes: boxesFrom([[0, 0, 1, 1], [2, 2, 3, 3]]), gtBoxes: new Float32Array(0) });
    expect(Array.from(r.gtInds)).toEqual([0, 0]);
    expect(a.assign({ boxes: new Float32Array(0), gtBoxes: boxesFrom([[0, 0, 1, 1]]) }).gtInds.length).toBe(0);
  });

  it('adds ground truths as proposals in front', () => {
    const a = new MaxIoUAssigner({ pos_iou_thr: 0.5, neg_iou_thr: 0.5, match_low_quality: false });
    const r = withGtAsProposals(a.assign({ boxes: boxesFrom([[50, 50, 60, 60]]), gtBoxes: boxesFrom([[0, 0, 1, 1], [5, 5, 6, 6]]), gtLabels: [3, 4] }), [3, 4]);
    expect(Array.from(r.gtInds)).toEqual([1, 2, 0]);
    expect(Array.from(r.maxOverlaps)).toEqual([1, 1, 0]);
    expect(Array.from(r.labels!)).toEqual([3, 4, -1]);
  });

  it('names bad options', () => {
    expect(() => new MaxIoUAssigner({ pos_iou_thr: 0.5, neg_iou_thr: 0.5, pos_iou_thresh: 1 } as never)).toThrow(/unknown option 'pos_iou_thresh'/);
    expect(() => new MaxIoUAssigner({ pos_iou_thr: 0.5, neg_iou_thr: [0.1] as never })).toThrow(/neg_iou_thr/);
    expect(() => new MaxIoUAssigner({ pos_iou_thr: 0.5, neg_iou_thr: 0.5 }).assign({ boxes: boxesFrom([[0, 0, 1, 1]]), gtBoxes: boxesFrom([[0, 0, 1, 1]]), gtLabels: [1, 2] })).toThrow(/2 gtLabels for 1 gtBoxes/);
  });
});
