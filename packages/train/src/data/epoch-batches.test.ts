import { epochBatches, mixSeed } from './epoch-batches';

describe('epochBatches', () => {
  it('covers each epoch with a permutation, drops the incomplete batch, and depends only on (seed, step)', () => {
    const f = epochBatches({ size: 10, batchSize: 3, seed: 42 });
    const epoch = (e: number): number[] => [0, 1, 2].flatMap((k) => Array.from(f(e * 3 + k)));
    for (const e of [0, 1, 5]) {
      const seen = epoch(e);
      expect(new Set(seen).size).toBe(9);
      seen.forEach((i) => expect(i >= 0 && i < 10).toBe(true));
    }
    expect(epoch(0)).not.toEqual(epoch(1));
    // random access gives what sequential access gives
    const g = epochBatches({ size: 10, batchSize: 3, seed: 42 });
    expect(Array.from(g(16))).toEqual(Array.from(f(16)));
    expect(Array.from(epochBatches({ size: 10, batchSize: 3, seed: 43 })(0))).not.toEqual(Array.from(f(0)));
    expect(Array.from(epochBatches({ size: 5, batchSize: 2, seed: 1, shuffle: false })(3))).toEqual([2, 3]);
  });

  it('mixes seeds and counters into distinct 32-bit seeds', () => {
    const seeds = new Set<number>();
    for (let s = 0; s < 20; s++) for (let c = 0; c < 20; c++) seeds.add(mixSeed(s, c));
    expect(seeds.size).toBe(400);
    expect(() => epochBatches({ size: 2, batchSize: 3, seed: 0 })).toThrow(/2 examples cannot fill one batch of 3/);
  });
});
