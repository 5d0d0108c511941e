import { Rng } from '@seg/tensor';
import { boxesFrom } from '../boxes/boxes';
import { decodeDeltas, encodeDeltas } from './delta-xywh-coder';

function randomBoxes(rng: Rng, n: number): Float32Array {
  const b = new Float32Array(n * 4);
  for (let i = 0; i < n; i++) {
    const x = rng.uniform(0, 500), y = rng.uniform(0, 500);
    b.set([x, y, x + rng.uniform(4, 200), y + rng.uniform(4, 200)], i * 4);
  }
  return b;
}

describe('delta xywh coder', () => {
  it('encodes a known pair by the R-CNN formulas', () => {
    const d = encodeDeltas(boxesFrom([[0, 0, 10, 20]]), boxesFrom([[5, 0, 25, 10]]));
    // proposal centre (5,10) size 10x20; gt centre (15,5) size 20x10
    expect(d[0]).toBeCloseTo(1, 6);
    expect(d[1]).toBeCloseTo(-0.25, 6);
    expect(d[2]).toBeCloseTo(Math.log(2), 6);
    expect(d[3]).toBeCloseTo(Math.log(0.5), 6);
  });

  it('round-trips encode -> decode with means and stds', () => {
    const rng = new Rng(3);
    const p = randomBoxes(rng, 200), g = randomBoxes(rng, 200);
    const opts = { means: [0, 0, 0, 0], stds: [0.1, 0.1, 0.2, 0.2] } as const;
    const back = decodeDeltas(p, encodeDeltas(p, g, opts), { ...opts, whRatioClip: 1e-6 });
    for (let i = 0; i < g.length; i++) expect(back[i]).toBeCloseTo(g[i], 2);
  });

  it('clamps log-size deltas and clips to the image', () => {
    const p = boxesFrom([[10, 10, 20, 20]]);
    const huge = decodeDeltas(p, new Float32Array([0, 0, 100, 100]));
    const lim = 10 * Math.exp(Math.abs(Math.log(16 / 1000)));
    expect(huge[2] - huge[0]).toBeCloseTo(lim, 2);
    const clipped = decodeDeltas(p, new Float32Array([0, 0, 100, 100]), { maxShape: [50, 40] });
    expect(Array.from(clipped)).toEqual([0, 0, 40, 50]);
  });

  it('rejects mismatched inputs', () => {
    expect(() => encodeDeltas(boxesFrom([[0, 0, 1, 1]]), new Float32Array(0))).toThrow(/1 proposals but 0/);
    expect(() => decodeDeltas(boxesFrom([[0, 0, 1, 1]]), new Float32Array(4), { stds: [1, 1, 0, 1] })).toThrow(/stds/);
  });
});
