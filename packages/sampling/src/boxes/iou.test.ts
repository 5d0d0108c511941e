import { boxAreas, boxesFrom, gatherBoxes } from './boxes';
import { alignedBoxIou, boxIou } from './iou';

describe('box overlaps', () => {
  const a = boxesFrom([[0, 0, 10, 10], [2, 2, 4, 6]]);
  const b = boxesFrom([[5, 5, 15, 15], [20, 20, 30, 30], [0, 0, 10, 10], [0, 0, 20, 20], [3, 3, 3, 9]]);

  it('areas are (x2 - x1)(y2 - y1)', () => {
    expect(Array.from(boxAreas(b))).toEqual([100, 100, 100, 400, 0]);
  });

  it('IoU matches hand-computed values', () => {
    const iou = boxIou(a, b);
    expect(iou.length).toBe(10);
    // [0,0,10,10] vs [5,5,15,15]: intersection 25, union 175.
    expect(iou[0]).toBeCloseTo(25 / 175, 6);
    expect(iou[1]).toBe(0);
    expect(iou[2]).toBeCloseTo(1, 6);
    expect(iou[3]).toBeCloseTo(100 / 400, 6);
    expect(iou[4]).toBe(0); // zero-width box
    // [2,2,4,6] (area 8) inside [0,0,10,10]: IoU 8/100; vs [5,5,15,15]: no overlap.
    expect(iou[5 + 0]).toBe(0);
    expect(iou[5 + 2]).toBeCloseTo(0.08, 6);
  });

  it('IoF divides by the first box area', () => {
    const iof = boxIou(a, b, { mode: 'iof' });
    expect(iof[3]).toBeCloseTo(1, 6); // [0,0,10,10] is fully inside [0,0,20,20]
    expect(boxIou(boxesFrom([[0, 0, 20, 20]]), boxesFrom([[0, 0, 10, 10]]), { mode: 'iof' })[0]).toBeCloseTo(0.25, 6);
    expect(iof[0]).toBeCloseTo(0.25, 6);
  });

  it('aligned overlaps equal the diagonal of the matrix', () => {
    const c = gatherBoxes(b, [0, 2]);
    const full = boxIou(a, c);
    const al = alignedBoxIou(a, c);
    expect(al[0]).toBeCloseTo(full[0], 6);
    expect(al[1]).toBeCloseTo(full[3], 6);
  });

  it('rejects malformed input with a message', () => {
    expect(() => boxIou(new Float32Array(5), b)).toThrow(/multiple of 4/);
    expect(() => boxIou(a, b, { mode: 'giou' as never })).toThrow(/unknown mode 'giou'/);
    expect(() => alignedBoxIou(a, b)).toThrow(/equal counts/);
    expect(() => gatherBoxes(a, [2])).toThrow(/out of range/);
  });
});
