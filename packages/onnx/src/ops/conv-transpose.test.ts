import { Rng } from '@seg/tensor';
import { GraphBuilder } from '../builder/graph-builder';
import { runAll } from '../testing/run-graph';
import { maxAbsDiff, randn } from '../testing/tensors';
import { conv } from './conv';
import { convTranspose } from './conv-transpose';

/** Direct definition of 2-D transposed convolution (scatter every input pixel through the kernel). */
function refConvT(x: Float32Array, [n, c, h, w]: number[], wt: Float32Array, [, mg, kh, kw]: number[], s: number[], p: number[], op: number[], d: number[], group: number) {
  const m = mg * group; const cg = c / group;
  const oh = s[0] * (h - 1) + op[0] + (kh - 1) * d[0] + 1 - p[0] - p[2];
  const ow = s[1] * (w - 1) + op[1] + (kw - 1) * d[1] + 1 - p[1] - p[3];
  const y = new Float64Array(n * m * oh * ow);
  for (let b = 0; b < n; b++) for (let ci = 0; ci < c; ci++) for (let i = 0; i < h; i++) for (let j = 0; j < w; j++) {
    const g = Math.floor(ci / cg);
    const xv = x[((b * c + ci) * h + i) * w + j];
    for (let mo = 0; mo < mg; mo++) for (let u = 0; u < kh; u++) for (let v = 0; v < kw; v++) {
      const oi = i * s[0] + u * d[0] - p[0]; const oj = j * s[1] + v * d[1] - p[1];
      if (oi < 0 || oi >= oh || oj < 0 || oj >= ow) continue;
      y[((b * m + g * mg + mo) * oh + oi) * ow + oj] += xv * wt[((ci * mg + mo) * kh + u) * kw + v];
    }
  }
  return { y, dims: [n, m, oh, ow] };
}

describe('ConvTranspose', () => {
  it('infers shapes, matches a direct reference (strides, pads, output_padding, groups, dilations) and is the adjoint of Conv', async () => {
    const rng = new Rng(3);
    const b = new GraphBuilder();
    const x = b.input('x', 'float32', [2, 4, 5, 6]);
    const wt = randn(rng, [4, 3, 3, 2]);
    const w = b.param('w', wt);
    const cfg = { strides: [2, 3], pads: [1, 0, 0, 1], outputPadding: [1, 2], dilations: [1, 2], group: 2 };
    const y = convTranspose(x, w, null, cfg);
    expect(y.dims).toEqual([2, 6, 11, 19]);
    b.output(y, 'y');
    // Adjointness: <conv(z), x> == <z, convT(x)> for the conv with the same weights.
    const z = b.input('z', 'float32', [2, 6, 11, 19]);
    const cz = conv(z, w, null, { strides: [2, 3], pads: [1, 0, 0, 1], dilations: [1, 2], group: 2 });
    expect(cz.dims).toEqual([2, 4, 5, 6]);
    b.output(cz, 'cz');
    const xt = randn(rng, [2, 4, 5, 6]); const zt = randn(rng, [2, 6, 11, 19]);
    const { values, mismatches } = await runAll(b, { x: xt, z: zt });
    expect(mismatches).toEqual([]);
    const ref = refConvT(xt.data as Float32Array, [2, 4, 5, 6], wt.data as Float32Array, [4, 3, 3, 2], cfg.strides, cfg.pads, cfg.outputPadding, cfg.dilations, 2);
    expect(values.y.dims).toEqual(ref.dims);
    expect(maxAbsDiff(values.y.data as Float32Array, ref.y)).toBeLessThan(1e-4);
    let lhs = 0; let rhs = 0;
    values.cz.data.forEach((v, i) => { lhs += Number(v) * xt.data[i]; });
    values.y.data.forEach((v, i) => { rhs += Number(v) * zt.data[i]; });
    expect(Math.abs(lhs - rhs) / Math.abs(lhs)).toBeLessThan(1e-4);
  });

  it('names the problem in errors', () => {
    const b = new GraphBuilder();
    const x = b.input('x', 'float32', [1, 4, 5, 5]);
    const w = b.param('w', randn(new Rng(0), [3, 2, 3, 3]));
    expect(() => convTranspose(x, w)).toThrow(/node 'ConvTranspose'.*4 channels.*expects 3/);
    const w2 = b.param('w2', randn(new Rng(0), [4, 2, 3, 3]));
    expect(() => convTranspose(x, w2, null, { strides: [2, 2], outputPadding: [2, 0] })).toThrow(/output_padding\[0\] = 2/);
  });
});
