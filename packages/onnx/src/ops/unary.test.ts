import { Tensor } from '@seg/tensor';
import { GraphBuilder } from '../builder/graph-builder';
import { runAll } from '../testing/run-graph';
import { gelu, geluErf, isInf, isNaN, sign } from './unary';
import { mod, xor } from './binary';

const erfRef = (x: number): number => {
  // Abramowitz-Stegun 7.1.26 is too coarse; integrate exp(-t^2) with Simpson's rule instead.
  const n = 2000; const h = x / n; let s = 0;
  for (let i = 0; i <= n; i++) { const w = i === 0 || i === n ? 1 : i % 2 ? 4 : 2; s += w * Math.exp(-((i * h) ** 2)); }
  return (2 / Math.sqrt(Math.PI)) * (h / 3) * s;
};

describe('elementwise predicates, Gelu, Mod, Xor, Sign', () => {
  it('computes IsNaN/IsInf/Sign/Mod/Xor', async () => {
    const b = new GraphBuilder();
    const x = b.input('x', 'float32', [5]);
    const i = b.input('i', 'int64', [4]);
    const p = b.input('p', 'bool', [2]);
    const outs = { nan: isNaN(x), inf: isInf(x), sgn: sign(x), fm: mod(x, 3), im: mod(i, 3), x: xor(p, b.constant(Tensor.fromArray('bool', [2], [1, 1]))) };
    for (const [n, v] of Object.entries(outs)) b.output(v, `o_${n}`);
    expect(outs.nan.dtype).toBe('bool');
    const { values, mismatches } = await runAll(b, {
      x: Tensor.fromArray('float32', [5], [NaN, Infinity, -2, 0, -7.5]), i: Tensor.fromArray('int64', [4], [-7n, 7n, 3n, -1n]), p: Tensor.fromArray('bool', [2], [0, 1]),
    });
    expect(mismatches).toEqual([]);
    expect(values.o_nan.toArray()).toEqual([1, 0, 0, 0, 0]);
    expect(values.o_inf.toArray()).toEqual([0, 1, 0, 0, 0]);
    expect(values.o_sgn.toArray().slice(1)).toEqual([1, -1, 0, -1]);
    expect(values.o_fm.toArray().slice(2)).toEqual([-2, 0, -1.5]); // C fmod: sign of the dividend
    expect(values.o_im.toArray()).toEqual([2, 1, 0, 2]); // integer mod: sign of the divisor
    expect(values.o_x.toArray()).toEqual([1, 0]);
  });

  it('Gelu at opset 20 equals the Erf form, and errors below opset 20', async () => {
    const b = new GraphBuilder({ opset: 20 });
    const x = b.input('x', 'float32', [4]);
    b.output(gelu(x), 'g'); b.output(geluErf(x), 'ge'); b.output(gelu(x, 'tanh'), 'gt');
    const xs = [-2, -0.5, 0.3, 1.7];
    const { values, mismatches } = await runAll(b, { x: Tensor.fromArray('float32', [4], xs) });
    expect(mismatches).toEqual([]);
    xs.forEach((v, k) => {
      const ref = 0.5 * v * (1 + erfRef(v / Math.SQRT2));
      expect(values.g.data[k]).toBeCloseTo(ref, 5);
      expect(values.ge.data[k]).toBeCloseTo(ref, 5);
      expect(values.gt.data[k]).toBeCloseTo(ref, 2);
    });
    const old = new GraphBuilder({ opset: 17 });
    expect(() => gelu(old.input('x', 'float32', [2]))).toThrow(/Gelu as emitted by seg needs opset >= 20, the builder is at 17/);
  });
});
