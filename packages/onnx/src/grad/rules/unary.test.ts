import { Rng, Tensor } from '@seg/tensor';
import { float, op } from '../../index';
import type { Value } from '../../builder/value';
import { checkGradients, randDistinct, randn } from '../testing/finite-difference';

/** x with |x| >= 0.05 and no two elements closer than ~0.05 (kinks of relu/abs/clip are not hit). */
const awayFromKinks = (rng: Rng, dtype: 'float32' | 'float64', dims: number[]): Tensor => {
  const t = randDistinct(rng, dtype, dims, 0.11);
  const d = t.data as Float64Array;
  for (let i = 0; i < d.length; i++) if (Math.abs(d[i]) < 0.05) d[i] += 0.1;
  return t;
};
const positive = (rng: Rng, dtype: 'float32' | 'float64', dims: number[]): Tensor => {
  const t = randn(rng, dtype, dims);
  const d = t.data as Float64Array;
  for (let i = 0; i < d.length; i++) d[i] = 0.3 + Math.abs(d[i]);
  return t;
};

describe('gradients: unary elementwise ops', () => {
  // ops with float64 kernels in onnxruntime: checked in float64 at tight tolerance
  const f64: [string, (x: Value) => Value, 'normal' | 'positive' | 'kinks'][] = [
    ['Identity', op.identity, 'normal'], ['Neg', op.neg, 'normal'], ['Exp', op.exp, 'normal'], ['Log', op.log, 'positive'],
    ['Sqrt', op.sqrt, 'positive'], ['Reciprocal', op.reciprocal, 'positive'], ['Abs', op.abs, 'kinks'], ['Relu', op.relu, 'kinks'],
    ['Sigmoid', op.sigmoid, 'normal'], ['Tanh', op.tanh, 'normal'], ['Clip', (x) => op.clip(x, -0.5, 0.7), 'kinks'],
    ['Clip (one-sided)', (x) => op.clip(x, null, 0.3), 'kinks'],
    ['Sin', (x) => x.builder.node1('Sin', [x]), 'normal'], ['Cos', (x) => x.builder.node1('Cos', [x]), 'normal'],
    ['Floor (zero gradient)', (x) => op.add(op.floor(x), x), 'kinks'],
  ];
  for (const [name, f, kind] of f64) {
    it(`${name} (float64)`, async () => {
      const rng = new Rng(name.length);
      for (const dims of [[7], [2, 3, 4]]) {
        const x = kind === 'positive' ? positive(rng, 'float64', dims) : kind === 'kinks' ? awayFromKinks(rng, 'float64', dims) : randn(rng, 'float64', dims);
        await checkGradients({ inputs: { x }, build: (_b, v) => f(v.x) });
      }
    });
  }

  // no float64 kernel in onnxruntime: float32 with step 1e-2, rtol/atol 1e-2/1e-3 relative to O(1) values
  const f32: [string, (x: Value) => Value, number?][] = [
    ['LeakyRelu', (x) => op.leakyRelu(x, 0.2)], ['Erf', op.erf], ['Softplus', op.softplus],
    ['Elu', (x) => x.builder.node1('Elu', [x], { alpha: float(0.7) })],
    ['HardSigmoid', (x) => x.builder.node1('HardSigmoid', [x], { alpha: float(0.3), beta: float(0.4) })],
    ['Gelu', (x) => x.builder.node1('Gelu', [x]), 20], ['Gelu (tanh)', (x) => x.builder.node1('Gelu', [x], { approximate: 'tanh' }), 20],
  ];
  for (const [name, f, opset] of f32) {
    it(`${name} (float32)`, async () => {
      const rng = new Rng(name.length + 100);
      const x = awayFromKinks(rng, 'float32', [3, 5]);
      await checkGradients({ inputs: { x }, build: (_b, v) => f(v.x), opset });
    });
  }

  it('Clip bounds given as inputs get the gradient of the clipped cells', async () => {
    const rng = new Rng(3);
    await checkGradients({
      inputs: { x: awayFromKinks(rng, 'float64', [4, 3]), lo: Tensor.fromArray('float64', [], [-0.33]), hi: Tensor.fromArray('float64', [], [0.41]) },
      build: (b, v) => b.node1('Clip', [v.x, v.lo, v.hi]),
    });
  });

  it('Cast between float types casts the gradient back', async () => {
    const rng = new Rng(4);
    await checkGradients({
      inputs: { x: randn(rng, 'float64', [5]) },
      build: (_b, v) => op.cast(op.mul(op.cast(v.x, 'float32'), op.cast(v.x, 'float32')), 'float64'),
      rtol: 1e-4, atol: 1e-4, eps: 1e-3,
    });
  });

  it('LeakyRelu reads its alpha attribute', async () => {
    const rng = new Rng(5);
    await checkGradients({ inputs: { x: awayFromKinks(rng, 'float32', [6]) }, build: (b, v) => b.node1('LeakyRelu', [v.x], { alpha: float(0.37) }) });
  });
});
