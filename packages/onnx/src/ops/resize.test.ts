import { Tensor } from '@seg/tensor';
import { GraphBuilder } from '../builder/graph-builder';
import { runAll } from '../testing/run-graph';
import { arange, maxAbsDiff } from '../testing/tensors';
import { resize } from './resize';

/** 1-D linear interpolation weights of an output coordinate, clamped at the borders. */
function lerp1(src: number, n: number): [number, number, number] {
  const c = Math.min(Math.max(src, 0), n - 1);
  const i0 = Math.floor(c); const i1 = Math.min(i0 + 1, n - 1);
  return [i0, i1, c - i0];
}

function refBilinear(x: Float32Array, h: number, w: number, oh: number, ow: number, map: (o: number, inN: number, outN: number) => number): number[] {
  const out: number[] = [];
  for (let i = 0; i < oh; i++) for (let j = 0; j < ow; j++) {
    const [a0, a1, fa] = lerp1(map(i, h, oh), h);
    const [b0, b1, fb] = lerp1(map(j, w, ow), w);
    const top = x[a0 * w + b0] * (1 - fb) + x[a0 * w + b1] * fb;
    const bot = x[a1 * w + b0] * (1 - fb) + x[a1 * w + b1] * fb;
    out.push(top * (1 - fa) + bot * fa);
  }
  return out;
}

describe('Resize', () => {
  it('resizes by scales and sizes with nearest, linear half_pixel and linear align_corners', async () => {
    const b = new GraphBuilder();
    const x = b.input('x', 'float32', [1, 1, 3, 4]);
    const near = resize(x, { scales: [1, 1, 2, 1.5], mode: 'nearest', nearestMode: 'floor', coordinateTransformationMode: 'asymmetric' });
    const half = resize(x, { scales: [1, 1, 2, 2], mode: 'linear' });
    const align = resize(x, { sizes: [1, 1, 5, 7], mode: 'linear', coordinateTransformationMode: 'align_corners' });
    const down = resize(x, { scales: [1, 1, 0.7, 0.6], mode: 'linear' });
    expect(near.dims).toEqual([1, 1, 6, 6]);
    expect(align.dims).toEqual([1, 1, 5, 7]);
    expect(down.dims).toEqual([1, 1, 2, 2]);
    b.output(near, 'near'); b.output(half, 'half'); b.output(align, 'align'); b.output(down, 'down');
    const xt = arange([1, 1, 3, 4]);
    const { values, mismatches } = await runAll(b, { x: xt });
    expect(mismatches).toEqual([]);
    const xd = xt.data as Float32Array;
    // nearest, asymmetric, floor: src = floor(o / scale)
    const nearRef: number[] = [];
    for (let i = 0; i < 6; i++) for (let j = 0; j < 6; j++) nearRef.push(xd[Math.floor(i / 2) * 4 + Math.floor(j / 1.5)]);
    expect(Array.from(values.near.data as Float32Array)).toEqual(nearRef);
    const halfRef = refBilinear(xd, 3, 4, 6, 8, (o, n, m) => (o + 0.5) * (n / m) - 0.5);
    expect(maxAbsDiff(values.half.data as Float32Array, halfRef)).toBeLessThan(1e-5);
    const alignRef = refBilinear(xd, 3, 4, 5, 7, (o, n, m) => (o * (n - 1)) / (m - 1));
    expect(maxAbsDiff(values.align.data as Float32Array, alignRef)).toBeLessThan(1e-5);
    // align_corners keeps the corners exactly
    expect([values.align.get(0, 0, 0, 0), values.align.get(0, 0, 4, 6)]).toEqual([0, 11]);
  });

  it('rejects bad arguments with the problem named', () => {
    const b = new GraphBuilder();
    const x = b.input('x', 'float32', [1, 1, 3, 4]);
    expect(() => resize(x, { scales: [2, 2] })).toThrow(/scales needs 4 values/);
    expect(() => resize(x, { scales: [1, 1, 2, 2], antialias: true, mode: 'linear' })).toThrow(/antialias needs opset >= 18/);
    expect(() => resize(x, {})).toThrow(/exactly one of scales and sizes/);
    expect(() => b.node('Resize', [x, null, b.constant(Tensor.fromArray('float32', [4], [1, 1, 2, 2])), b.ints([1, 1, 6, 8])])).toThrow(/either scales or sizes/);
  });
});
