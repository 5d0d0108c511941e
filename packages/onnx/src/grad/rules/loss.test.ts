import { Rng, Tensor } from '@seg/tensor';
import { op } from '../../index';
import { checkGradients, randn } from '../testing/finite-difference';

/** SoftmaxCrossEntropyLoss has float64 kernels in onnxruntime. */
describe('gradients: SoftmaxCrossEntropyLoss (float64)', () => {
  const rng = new Rng(41);
  const labels = Tensor.fromArray('int64', [2, 3], [0, 2, 1, 3, 3, 0]);
  for (const reduction of ['mean', 'sum', 'none'] as const) {
    it(`reduction ${reduction}, without and with class weights and ignore_index`, async () => {
      await checkGradients({ inputs: { s: randn(rng, 'float64', [2, 4, 3]), l: labels }, build: (_b, v) => op.softmaxCrossEntropy(v.s, v.l, { reduction }).loss });
      await checkGradients({
        inputs: { s: randn(rng, 'float64', [2, 4, 3]), l: labels, w: Tensor.fromArray('float64', [4], [0.5, 2, 1, 1.5]) },
        build: (_b, v) => op.softmaxCrossEntropy(v.s, v.l, { reduction, weights: v.w, ignoreIndex: 2 }).loss,
        wrt: ['s'],
      });
    });
  }

  it('log_prob output used too; [N, C] scores with int32 labels', async () => {
    await checkGradients({
      inputs: { s: randn(rng, 'float64', [3, 5]), l: Tensor.fromArray('int32', [3], [4, 0, 2]) },
      build: (_b, v) => {
        const { loss, logProb } = op.softmaxCrossEntropy(v.s, v.l, { withLogProb: true });
        return op.add(op.mul(logProb!, 0.3), loss);
      },
    });
  });
});
