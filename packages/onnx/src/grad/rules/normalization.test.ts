import { Rng, Tensor } from '@seg/tensor';
import { float, op } from '../../index';
import { checkGradients, randn } from '../testing/finite-difference';

const tol32 = { eps: 1e-2, rtol: 1e-2, atol: 2e-3 };

describe('gradients: normalisation layers', () => {
  it('BatchNormalization training_mode=1: through the batch statistics; running stats get none', async () => {
    const rng = new Rng(1);
    const c = 3;
    const r = await checkGradients({
      inputs: { x: randn(rng, 'float32', [4, c, 3, 2], 2), scale: randn(rng, 'float32', [c]), bias: randn(rng, 'float32', [c]) },
      build: (b, v) => {
        const { y, runningMean, runningVar } = op.batchNormTraining(v.x, v.scale, v.bias, b.constant(new Tensor('float32', [c])), b.constant(Tensor.fromArray('float32', [c], [1, 1, 1])), { momentum: 0.9 });
        // running statistics also feed the output: they must not contribute a gradient
        return op.add(y, op.mul(op.reduceSum(op.add(runningMean, runningVar)), 0));
      },
      ...tol32,
    });
    expect(r.graph.nodes.some((n) => n.opType === 'BatchNormalization')).toBe(true);
  });

  it('BatchNormalization inference form: scale, B, mean and var all get gradients (float32)', async () => {
    const rng = new Rng(2);
    const c = 2;
    const variance = randn(rng, 'float32', [c]);
    for (let i = 0; i < c; i++) variance.data[i] = 0.5 + Math.abs(variance.data[i] as number);
    await checkGradients({
      inputs: { x: randn(rng, 'float32', [2, c, 3, 3]), scale: randn(rng, 'float32', [c]), bias: randn(rng, 'float32', [c]), mean: randn(rng, 'float32', [c]), variance },
      build: (_b, v) => op.batchNorm(v.x, v.scale, v.bias, v.mean, v.variance),
      ...tol32,
    });
  });

  it('BatchNormalization training_mode=1 on [N, C] (rank 2)', async () => {
    const rng = new Rng(3);
    await checkGradients({
      inputs: { x: randn(rng, 'float32', [5, 3], 2), scale: randn(rng, 'float32', [3]), bias: randn(rng, 'float32', [3]) },
      build: (b, v) => op.batchNormTraining(v.x, v.scale, v.bias, b.constant(new Tensor('float32', [3])), b.constant(Tensor.fromArray('float32', [3], [1, 1, 1]))).y,
      ...tol32,
    });
  });

  it('InstanceNormalization', async () => {
    const rng = new Rng(4);
    await checkGradients({
      inputs: { x: randn(rng, 'float32', [2, 3, 4, 3], 2), scale: randn(rng, 'float32', [3]), bias: randn(rng, 'float32', [3]) },
      build: (_b, v) => op.instanceNorm(v.x, v.scale, v.bias),
      ...tol32,
    });
  });

  for (const axis of [-1, 1]) {
    it(`LayerNormalization axis ${axis}`, async () => {
      const rng = new Rng(5 + axis);
      const norm = axis === -1 ? [5] : [3, 5];
      await checkGradients({
        inputs: { x: randn(rng, 'float32', [2, 3, 5], 2), scale: randn(rng, 'float32', norm), bias: randn(rng, 'float32', norm) },
        build: (_b, v) => op.layerNorm(v.x, v.scale, v.bias, axis),
        ...tol32,
      });
    });
  }

  it('LayerNormalization with a broadcast scale and no bias', async () => {
    const rng = new Rng(8);
    await checkGradients({
      inputs: { x: randn(rng, 'float32', [2, 3, 4], 2), scale: randn(rng, 'float32', [1, 4]) },
      build: (b, v) => b.node1('LayerNormalization', [v.x, v.scale], { axis: 1, epsilon: float(1e-5) }, { numOutputs: 1 }),
      ...tol32,
    });
  });

  for (const opset of [18, 21]) {
    it(`GroupNormalization (opset ${opset}: per-${opset >= 21 ? 'channel' : 'group'} affine)`, async () => {
      const rng = new Rng(opset);
      const groups = 2;
      const p = opset >= 21 ? 4 : groups;
      await checkGradients({
        inputs: { x: randn(rng, 'float32', [2, 4, 3, 3], 2), scale: randn(rng, 'float32', [p]), bias: randn(rng, 'float32', [p]) },
        build: (b, v) => b.node1('GroupNormalization', [v.x, v.scale, v.bias], { num_groups: groups, epsilon: float(1e-5) }),
        opset,
        ...tol32,
      });
    });
  }
});
