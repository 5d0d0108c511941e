import { superpixelVote } from './superpixel-vote';

describe('superpixel voting', () => {
  it('replaces each pixel by its superpixel mean, optionally blended', () => {
    const sp = { labels: Int32Array.from([0, 0, 1, 1]), width: 4, height: 1, count: 2 };
    const p = Float32Array.from([0.2, 0.4, 1, 0]);
    expect(Array.from(superpixelVote(p, sp)).map((v) => +v.toFixed(5))).toEqual([0.3, 0.3, 0.5, 0.5]);
    expect(Array.from(superpixelVote(p, sp, 0.5)).map((v) => +v.toFixed(5))).toEqual([0.25, 0.35, 0.75, 0.25]);
    expect(() => superpixelVote(p.subarray(0, 3), sp)).toThrow(/3 probabilities for a 4x1 label map/);
  });
});
