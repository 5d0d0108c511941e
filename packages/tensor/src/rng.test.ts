import { Rng } from './rng';

describe('Rng', () => {
  it('replays the same stream for the same seed and differs across seeds', () => {
    const a = new Rng(42); const b = new Rng(42); const c = new Rng(43);
    const xa = Array.from({ length: 8 }, () => a.random());
    expect(Array.from({ length: 8 }, () => b.random())).toEqual(xa);
    expect(Array.from({ length: 8 }, () => c.random())).not.toEqual(xa);
  });

  it('has uniform mean 1/2 and normal mean 0, variance 1', () => {
    const r = new Rng(7);
    const n = 200000;
    let su = 0, sn = 0, sn2 = 0;
    for (let i = 0; i < n; i++) { su += r.random(); const z = r.normal(); sn += z; sn2 += z * z; }
    expect(Math.abs(su / n - 0.5)).toBeLessThan(0.005);
    expect(Math.abs(sn / n)).toBeLessThan(0.01);
    expect(Math.abs(sn2 / n - 1)).toBeLessThan(0.02);
  });

  it('permutation contains every index once; choice draws distinct items', () => {
    const r = new Rng(3);
    const p = Array.from(r.permutation(100)).sort((x, y) => x - y);
    expect(p).toEqual(Array.from({ length: 100 }, (_, i) => i));
    const c = r.choice(50, 20);
    expect(new Set(c).size).toBe(20);
    expect(() => r.choice(3, 4)).toThrow(/cannot draw 4 distinct items from 3/);
  });

  it('weighted choice follows the weights', () => {
    const r = new Rng(5);
    const draws = r.choiceWithReplacement(3, 30000, [1, 0, 3]);
    const counts = [0, 0, 0];
    draws.forEach((d) => counts[d]++);
    expect(counts[1]).toBe(0);
    expect(counts[2] / counts[0]).toBeGreaterThan(2.7);
    expect(counts[2] / counts[0]).toBeLessThan(3.3);
  });
});
