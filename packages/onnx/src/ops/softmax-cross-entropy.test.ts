import { Rng, Tensor } from '@seg/tensor';
import { GraphBuilder } from '../builder/graph-builder';
import { runAll } from '../testing/run-graph';
import { ints, randn } from '../testing/tensors';
import { softmaxCrossEntropy } from './softmax-cross-entropy';

describe('SoftmaxCrossEntropyLoss', () => {
  it('matches -log softmax with weights, ignore_index and every reduction', async () => {
    const rng = new Rng(2);
    const b = new GraphBuilder();
    const s = b.input('s', 'float32', [2, 3, 2]);
    const l = b.input('l', 'int64', [2, 2]);
    const w = b.constant(Tensor.fromArray('float32', [3], [1, 2, 0.5]));
    const none = softmaxCrossEntropy(s, l, { reduction: 'none', ignoreIndex: -1, withLogProb: true });
    const mean = softmaxCrossEntropy(s, l, { weights: w, ignoreIndex: -1 });
    const sum = softmaxCrossEntropy(s, l, { reduction: 'sum', ignoreIndex: -1 });
    expect([none.loss.dims, none.logProb!.dims, mean.loss.dims, mean.logProb]).toEqual([[2, 2], [2, 3, 2], [], null]);
    b.output(none.loss, 'none'); b.output(none.logProb!, 'lp'); b.output(mean.loss, 'mean'); b.output(sum.loss, 'sum');
    const st = randn(rng, [2, 3, 2]);
    const labels = [2, -1, 0, 1];
    const { values, mismatches } = await runAll(b, { s: st, l: ints([2, 2], labels) });
    expect(mismatches).toEqual([]);
    const weights = [1, 2, 0.5];
    let wsum = 0; let lsum = 0; let plain = 0;
    labels.forEach((c, k) => {
      const n = Math.floor(k / 2); const d = k % 2;
      const sc = [0, 1, 2].map((j) => st.data[(n * 3 + j) * 2 + d]);
      const lse = Math.log(sc.reduce((a, v) => a + Math.exp(v), 0));
      const nll = c < 0 ? 0 : lse - sc[c];
      expect(values.none.data[k]).toBeCloseTo(nll, 5);
      if (c >= 0) { wsum += weights[c]; lsum += weights[c] * nll; plain += nll; }
    });
    expect(values.mean.data[0]).toBeCloseTo(lsum / wsum, 5);
    expect(values.sum.data[0]).toBeCloseTo(plain, 5);
  });

  it('checks labels against scores', () => {
    const b = new GraphBuilder();
    const s = b.input('s', 'float32', [2, 3, 4]);
    expect(() => softmaxCrossEntropy(s, b.input('l', 'int64', [2, 3]))).toThrow(/labels must be \[2, 4\]/);
    expect(() => softmaxCrossEntropy(s, b.input('f', 'float32', [2, 4]))).toThrow(/labels must be int32 or int64/);
  });
});
