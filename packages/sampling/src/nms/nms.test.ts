import { Rng } from '@seg/tensor';
import { boxesFrom } from '../boxes/boxes';
import { batchedNms } from './batched-nms';
import { nms } from './nms';

/** Brute-force reference: repeatedly take the best remaining box and drop everything it overlaps. */
function referenceNms(boxes: Float32Array, scores: number[], thr: number, scoreThr = -Infinity, maxOut = Infinity, classes?: number[]): number[] {
  const iou = (i: number, j: number) => {
    const [a, b] = [boxes.subarray(i * 4, i * 4 + 4), boxes.subarray(j * 4, j * 4 + 4)];
    const w = Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0]));
    const h = Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]));
    const inter = w * h;
    return inter / ((a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter);
  };
  let remaining = scores.map((_, i) => i).filter((i) => scores[i] > scoreThr);
  const keep: number[] = [];
  while (remaining.length && keep.length < maxOut) {
    const best = remaining.reduce((p, i) => (scores[i] > scores[p] || (scores[i] === scores[p] && i < p) ? i : p));
    keep.push(best);
    remaining = remaining.filter((i) => i !== best && !((classes ? classes[i] === classes[best] : true) && iou(i, best) > thr));
  }
  return keep;
}

function randomScene(seed: number, n: number) {
  const rng = new Rng(seed);
  const boxes = new Float32Array(n * 4);
  const scores: number[] = [];
  const classes: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = rng.uniform(0, 100), y = rng.uniform(0, 100);
    boxes.set([x, y, x + rng.uniform(5, 40), y + rng.uniform(5, 40)], i * 4);
    scores.push(Math.round(rng.random() * 50) / 50); // ties on purpose
    classes.push(rng.int(3));
  }
  return { boxes, scores, classes };
}

describe('nms', () => {
  it('keeps the best box and drops overlaps above the threshold', () => {
    const boxes = boxesFrom([[0, 0, 10, 10], [1, 1, 11, 11], [50, 50, 60, 60]]);
    expect(Array.from(nms(boxes, [0.9, 0.8, 0.7], { iouThreshold: 0.5 }))).toEqual([0, 2]);
    expect(Array.from(nms(boxes, [0.9, 0.8, 0.7], { iouThreshold: 0.7 }))).toEqual([0, 1, 2]);
    expect(Array.from(nms(boxes, [0.9, 0.8, 0.7], { iouThreshold: 0.5, scoreThreshold: 0.75, maxOutputs: 1 }))).toEqual([0]);
  });

  it('matches a brute-force reference on random scenes', () => {
    for (let seed = 0; seed < 20; seed++) {
      const { boxes, scores } = randomScene(seed, 120);
      for (const thr of [0.3, 0.5, 0.7]) {
        expect(Array.from(nms(boxes, scores, { iouThreshold: thr }))).toEqual(referenceNms(boxes, scores, thr));
        expect(Array.from(nms(boxes, scores, { iouThreshold: thr, scoreThreshold: 0.3, maxOutputs: 10 }))).toEqual(referenceNms(boxes, scores, thr, 0.3, 10));
      }
    }
  });

  it('batched NMS suppresses only within a class', () => {
    for (let seed = 0; seed < 10; seed++) {
      const { boxes, scores, classes } = randomScene(100 + seed, 150);
      const got = batchedNms(boxes, scores, classes, { iouThreshold: 0.5, maxOutputs: 40 });
      expect(Array.from(got)).toEqual(referenceNms(boxes, scores, 0.5, -Infinity, 40, classes));
    }
    const two = boxesFrom([[0, 0, 10, 10], [0, 0, 10, 10]]);
    expect(Array.from(batchedNms(two, [0.9, 0.8], [0, 1], { iouThreshold: 0.5 }))).toEqual([0, 1]);
    expect(Array.from(batchedNms(two, [0.9, 0.8], [0, 1], { iouThreshold: 0.5, classAgnostic: true }))).toEqual([0]);
  });

  it('rejects bad arguments', () => {
    const b = boxesFrom([[0, 0, 1, 1]]);
    expect(() => nms(b, [1, 2], { iouThreshold: 0.5 })).toThrow(/2 scores for 1 boxes/);
    expect(() => nms(b, [1], { iouThreshold: 1.5 })).toThrow(/iouThreshold/);
    expect(() => batchedNms(b, [1], [-1], { iouThreshold: 0.5 })).toThrow(/class index/);
  });
});
