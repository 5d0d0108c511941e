import { GraphBuilder, grad, serializeModel } from '@seg/onnx';
import { createNodeSession } from '@seg/runtime/node';
import { Rng, Tensor } from '@seg/tensor';
import { balancedL1, balancedL1Elementwise, balancedL1Grad, balancedL1Loss, balancedL1Params } from './balanced-l1';
import { balancedL1LossGraph } from './balanced-l1-graph';

describe('balanced L1 loss (Libra R-CNN Eq. 8-10)', () => {
  const p = balancedL1Params();

  it('b satisfies alpha ln(b + 1) = gamma and the loss is continuous at beta', () => {
    expect(p.alpha * Math.log(p.b + 1)).toBeCloseTo(p.gamma, 12);
    expect(balancedL1(1 - 1e-9, p)).toBeCloseTo(balancedL1(1 + 1e-9, p), 7);
    expect(balancedL1(0, p)).toBe(0);
    // outliers: gamma|x| + gamma/b - alpha*beta
    expect(balancedL1(3, p)).toBeCloseTo(1.5 * 3 + 1.5 / p.b - 0.5, 12);
  });

  it('its gradient is the paper\'s Eq. 9 at beta = 1 and the true derivative for other beta (central differences)', () => {
    for (const x of [-0.6, 0.2, 0.8]) expect(balancedL1Grad(x, p)).toBeCloseTo(Math.sign(x) * 0.5 * Math.log(p.b * Math.abs(x) + 1), 12);
    for (const beta of [1, 0.5]) {
      const q = balancedL1Params({ beta });
      for (const x of [-2.5, -0.7, -0.2, 0.05, 0.3, 0.9, 1.7]) {
        const h = 1e-6;
        const numeric = (balancedL1(x + h, q) - balancedL1(x - h, q)) / (2 * h);
        expect(balancedL1Grad(x, q)).toBeCloseTo(numeric, 6);
      }
    }
    // the point of the loss: inliers get a larger gradient than smooth L1's |x|
    expect(balancedL1Grad(0.1, p)).toBeGreaterThan(0.1);
  });

  it('reduces with mean, sum and weights', () => {
    const pred = [0, 0.5, 2], target = [0, 0, 0];
    const e = balancedL1Elementwise(pred, target);
    expect(balancedL1Loss(pred, target, { reduction: 'sum' })).toBeCloseTo(e[0] + e[1] + e[2], 6);
    expect(balancedL1Loss(pred, target)).toBeCloseTo((e[0] + e[1] + e[2]) / 3, 6);
    expect(balancedL1Loss(pred, target, { weight: [0, 1, 0] })).toBeCloseTo(e[1], 6);
    expect(() => balancedL1Loss([1], [1, 2])).toThrow(/1 predictions but 2 targets/);
    expect(() => balancedL1Params({ beta: 0 })).toThrow(/beta must be > 0/);
  });

  it('the graph version matches the numeric loss and its autodiff gradient matches Eq. 9', async () => {
    const rng = new Rng(2);
    const n = 64;
    const pred = new Tensor('float64', [n, 4]);
    const target = new Tensor('float64', [n, 4]);
    rng.fillNormal(pred.data, 0, 1.2);
    rng.fillNormal(target.data, 0, 0.2);
    const b = new GraphBuilder({ opset: 18 });
    const xp = b.input('pred', 'float64', [n, 4]);
    const xt = b.input('target', 'float64', [n, 4]);
    const loss = balancedL1LossGraph(xp, xt, { reduction: 'sum' });
    const [dPred] = grad(loss, [xp]);
    b.output(loss, 'loss');
    b.output(dPred, 'dpred');
    const s = await createNodeSession(serializeModel(b));
    const out = await s.run({ pred, target });
    await s.release();
    const predArr = Array.from(pred.data as Float64Array), targetArr = Array.from(target.data as Float64Array);
    let expected = 0;
    for (let i = 0; i < predArr.length; i++) expected += balancedL1(predArr[i] - targetArr[i], p);
    expect(out.loss.data[0] as number).toBeCloseTo(expected, 9);
    for (let i = 0; i < predArr.length; i++) expect(out.dpred.data[i] as number).toBeCloseTo(balancedL1Grad(predArr[i] - targetArr[i], p), 9);
  });
});
