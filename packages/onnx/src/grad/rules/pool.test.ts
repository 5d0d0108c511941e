import { Rng } from '@seg/tensor';
import { op } from '../../index';
import type { PoolOptions } from '../../ops';
import { checkGradients, randDistinct, randn } from '../testing/finite-difference';

describe('gradients: pooling', () => {
  // MaxPool has a float64 kernel; distinct inputs keep the argmax stable under the step
  const maxCases: [string, number[], PoolOptions][] = [
    ['k2 s2', [2, 2, 6, 6], { kernel: [2, 2], strides: [2, 2] }],
    ['k3 s1 pad 1: overlapping windows pick the same element (accumulates)', [1, 2, 5, 6], { kernel: [3, 3], pads: [1, 1, 1, 1] }],
    ['k3 s2 ceil_mode', [1, 2, 6, 7], { kernel: [3, 3], strides: [2, 2], ceilMode: true }],
    ['k2 dilation 2', [1, 1, 6, 6], { kernel: [2, 2], dilations: [2, 2] }],
    ['1-D k3 s2', [2, 3, 9], { kernel: [3], strides: [2] }],
  ];
  for (const [name, dims, o] of maxCases) {
    it(`MaxPool ${name} (float64)`, async () => {
      const rng = new Rng(name.length);
      await checkGradients({ inputs: { x: randDistinct(rng, 'float64', dims, 0.05) }, build: (_b, v) => op.maxPool(v.x, o) });
    });
  }

  it('MaxPool built with its Indices output reuses them; without, the backward recomputes them', async () => {
    const rng = new Rng(3);
    const o: PoolOptions = { kernel: [3, 3], strides: [2, 2], pads: [1, 1, 1, 1] };
    const x = randDistinct(rng, 'float64', [1, 2, 5, 5], 0.05);
    const withIdx = await checkGradients({ inputs: { x }, build: (_b, v) => op.maxPoolWithIndices(v.x, o)[0] });
    expect(withIdx.graph.nodes.filter((n) => n.opType === 'MaxPool')).toHaveLength(1);
    const plain = await checkGradients({ inputs: { x }, build: (_b, v) => op.maxPool(v.x, o) });
    expect(plain.graph.nodes.filter((n) => n.opType === 'MaxPool').map((n) => n.outputs.length)).toEqual([1, 2]);
  });

  // AveragePool is linear: float32 with a large step, exact up to rounding
  const avgCases: [string, number[], PoolOptions][] = [
    ['k2 s2', [2, 2, 6, 6], { kernel: [2, 2], strides: [2, 2] }],
    ['k3 s2 pad 1, padding not counted', [1, 2, 7, 6], { kernel: [3, 3], strides: [2, 2], pads: [1, 1, 1, 1] }],
    ['k3 s2 pad 1, padding counted', [1, 2, 7, 6], { kernel: [3, 3], strides: [2, 2], pads: [1, 1, 1, 1], countIncludePad: true }],
    ['k3 s2 ceil_mode', [1, 1, 8, 7], { kernel: [3, 3], strides: [2, 2], ceilMode: true }],
    ['k3 s2 ceil_mode, asymmetric pads, padding counted', [1, 1, 8, 6], { kernel: [3, 3], strides: [2, 2], ceilMode: true, pads: [1, 0, 0, 1], countIncludePad: true }],
    ['k3 s1 pad 1 (overlapping)', [2, 2, 5, 4], { kernel: [3, 3], pads: [1, 1, 1, 1] }],
  ];
  for (const [name, dims, o] of avgCases) {
    it(`AveragePool ${name} (float32)`, async () => {
      const rng = new Rng(name.length);
      await checkGradients({ inputs: { x: randn(rng, 'float32', dims) }, build: (_b, v) => op.averagePool(v.x, o), eps: 0.5, rtol: 1e-3, atol: 1e-4 });
    });
  }

  it('GlobalAveragePool (float32)', async () => {
    const rng = new Rng(5);
    await checkGradients({ inputs: { x: randn(rng, 'float32', [2, 3, 4, 5]) }, build: (_b, v) => op.globalAveragePool(v.x), eps: 0.5, rtol: 1e-3, atol: 1e-4 });
  });

  it('GlobalMaxPool (float32)', async () => {
    const rng = new Rng(6);
    await checkGradients({ inputs: { x: randDistinct(rng, 'float32', [2, 3, 3, 4], 0.05) }, build: (_b, v) => op.globalMaxPool(v.x), eps: 0.01 });
  });
});
