import { GraphBuilder, grad, serializeModel, Value } from '@seg/onnx';
import { createNodeSession } from '@seg/runtime/node';
import { Rng, Tensor } from '@seg/tensor';
import { polarIouLoss, polarIouLossGrad } from '../metrics/polar-iou';
import { polarIouLossGraph } from './polar-iou-loss';

describe('Polar IoU loss graph', () => {
  it('matches the numeric loss per instance and its autodiff gradient matches the closed form', async () => {
    const rng = new Rng(1);
    const m = 5, n = 36;
    const pred = new Tensor('float64', [m, n]);
    const target = new Tensor('float64', [m, n]);
    rng.fillUniform(pred.data as Float64Array, 1, 30);
    rng.fillUniform(target.data as Float64Array, 1, 30);
    const b = new GraphBuilder({ opset: 18 });
    const xp = b.input('pred', 'float64', [m, n]);
    const xt = b.input('target', 'float64', [m, n]);
    const perInstance = polarIouLossGraph(xp, xt, { reduction: 'none' });
    const mean = polarIouLossGraph(xp, xt);
    const [dPred] = grad(mean, [xp]);
    b.output(perInstance, 'per_instance');
    b.output(mean, 'loss');
    b.output(dPred, 'dpred');
    const s = await createNodeSession(serializeModel(b));
    const out = await s.run({ pred, target });
    await s.release();
    const row = (t: Tensor, i: number) => Array.from((t.data as Float64Array).subarray(i * n, (i + 1) * n));
    let total = 0;
    for (let i = 0; i < m; i++) {
      const l = polarIouLoss(row(pred, i), row(target, i));
      total += l;
      expect(out.per_instance.data[i] as number).toBeCloseTo(l, 10);
      const g = polarIouLossGrad(row(pred, i), row(target, i));
      for (let k = 0; k < n; k++) expect(out.dpred.data[i * n + k] as number).toBeCloseTo(g[k] / m, 10);
    }
    expect(out.loss.data[0] as number).toBeCloseTo(total / m, 10);
  });

  it('weights instances (e.g. by centerness) and checks shapes', () => {
    const b = new GraphBuilder({ opset: 18 });
    const xp = b.input('pred', 'float32', [4, 36]);
    const xt = b.input('target', 'float32', [4, 36]);
    const w: Value = b.input('w', 'float32', [4]);
    expect(polarIouLossGraph(xp, xt, { weight: w }).dims).toEqual([]);
    expect(() => polarIouLossGraph(xp, b.input('t2', 'float32', [4, 18]))).toThrow(/same shape/);
  });
});
