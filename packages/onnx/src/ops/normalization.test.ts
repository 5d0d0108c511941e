import { Rng, Tensor } from '@seg/tensor';
import { GraphBuilder } from '../builder/graph-builder';
import { runAll } from '../testing/run-graph';
import { maxAbsDiff, randn } from '../testing/tensors';
import { batchNormTraining, groupNorm, instanceNorm, layerNormWithStats } from './normalization';

/** Group norm by definition: per sample and group, (x - mean) / sqrt(var + eps), then per-channel affine. */
function refGroupNorm(x: Float32Array, [n, c, hw]: number[], g: number, scale: Float32Array, bias: Float32Array, eps = 1e-5): Float64Array {
  const y = new Float64Array(x.length);
  const cg = c / g;
  for (let s = 0; s < n; s++) for (let k = 0; k < g; k++) {
    const off = (s * c + k * cg) * hw; const len = cg * hw;
    let m = 0; for (let i = 0; i < len; i++) m += x[off + i];
    m /= len;
    let v = 0; for (let i = 0; i < len; i++) v += (x[off + i] - m) ** 2;
    v /= len;
    for (let i = 0; i < len; i++) { const ch = k * cg + Math.floor(i / hw); y[off + i] = ((x[off + i] - m) / Math.sqrt(v + eps)) * scale[ch] + bias[ch]; }
  }
  return y;
}

describe('normalization', () => {
  const rng = new Rng(11);
  const xt = randn(rng, [2, 4, 3, 3]);
  const st = randn(rng, [4]); const bt = randn(rng, [4]);
  const ref = refGroupNorm(xt.data as Float32Array, [2, 4, 9], 2, st.data as Float32Array, bt.data as Float32Array);

  it.each([18, 21])('GroupNormalization with per-channel affine at opset %i matches the definition', async (opset) => {
    const b = new GraphBuilder({ opset });
    const x = b.input('x', 'float32', [2, 4, 3, 3]);
    const y = groupNorm(x, b.param('s', st), b.param('b', bt), 2);
    b.output(y, 'y');
    const { values, mismatches } = await runAll(b, { x: xt });
    expect(mismatches).toEqual([]);
    expect(maxAbsDiff(values.y.data as Float32Array, ref)).toBeLessThan(1e-4);
  });

  it('InstanceNormalization equals group norm with one channel per group; LayerNormalization returns its statistics', async () => {
    const b = new GraphBuilder({ opset: 17 });
    const x = b.input('x', 'float32', [2, 4, 3, 3]);
    b.output(instanceNorm(x, b.param('s', st), b.param('b', bt)), 'inorm');
    const ln = layerNormWithStats(x, b.constant(Tensor.fromArray('float32', [3, 3], new Array(9).fill(1))), null, 2);
    expect([ln.y.dims, ln.mean.dims, ln.invStdDev.dims]).toEqual([[2, 4, 3, 3], [2, 4, 1, 1], [2, 4, 1, 1]]);
    b.output(ln.y, 'ln'); b.output(ln.mean, 'mean'); b.output(ln.invStdDev, 'istd');
    const { values, mismatches } = await runAll(b, { x: xt });
    expect(mismatches).toEqual([]);
    const inRef = refGroupNorm(xt.data as Float32Array, [2, 4, 9], 4, st.data as Float32Array, bt.data as Float32Array);
    expect(maxAbsDiff(values.inorm.data as Float32Array, inRef)).toBeLessThan(1e-4);
    let m = 0; for (let i = 0; i < 9; i++) m += xt.data[i];
    expect(values.mean.data[0]).toBeCloseTo(m / 9, 5);
  });

  it('BatchNormalization in training mode normalises with batch statistics and updates running ones', async () => {
    const b = new GraphBuilder({ opset: 17 });
    const x = b.input('x', 'float32', [2, 4, 3, 3]);
    const ones = b.constant(Tensor.fromArray('float32', [4], [1, 1, 1, 1]));
    const zeros = b.constant(Tensor.fromArray('float32', [4], [0, 0, 0, 0]));
    const bn = batchNormTraining(x, ones, zeros, zeros, ones, { momentum: 0.9 });
    expect([bn.y.dims, bn.runningMean.dims, bn.runningVar.dims]).toEqual([[2, 4, 3, 3], [4], [4]]);
    b.output(bn.y, 'y'); b.output(bn.runningMean, 'rm'); b.output(bn.runningVar, 'rv');
    const { values, mismatches } = await runAll(b, { x: xt });
    expect(mismatches).toEqual([]);
    // channel 0: batch mean/var over N, H, W (biased variance)
    const vals: number[] = [];
    for (let s = 0; s < 2; s++) for (let i = 0; i < 9; i++) vals.push(xt.data[s * 36 + i]);
    const mu = vals.reduce((a, v) => a + v, 0) / vals.length;
    const vr = vals.reduce((a, v) => a + (v - mu) ** 2, 0) / vals.length;
    expect(values.rm.data[0]).toBeCloseTo(0.1 * mu, 5);
    expect(values.rv.data[0]).toBeCloseTo(0.9 + 0.1 * vr, 4);
    expect(values.y.data[0]).toBeCloseTo((xt.data[0] - mu) / Math.sqrt(vr + 1e-5), 4);
  });

  it('errors: GroupNormalization needs opset 18, parameters need the channel count', () => {
    const b = new GraphBuilder({ opset: 17 });
    const x = b.input('x', 'float32', [2, 4, 3, 3]);
    expect(() => groupNorm(x, b.param('s', st), b.param('b', bt), 2)).toThrow(/GroupNormalization as emitted by seg needs opset >= 18, the builder is at 17/);
    const b2 = new GraphBuilder({ opset: 21 });
    const x2 = b2.input('x', 'float32', [2, 4, 3, 3]);
    expect(() => groupNorm(x2, b2.param('s', new Tensor('float32', [2])), b2.param('b', bt), 2)).toThrow(/scale must be \[4\]/);
    expect(() => groupNorm(x2, b2.param('s2', st), b2.param('b2', bt), 3)).toThrow(/4 is not divisible by num_groups 3/);
  });
});
