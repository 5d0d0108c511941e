import { Rng } from '@seg/tensor';
import { float, op } from '../../index';
import { checkGradients, randn } from '../testing/finite-difference';

describe('gradients: MatMul and Gemm (float64)', () => {
  const cases: [number[], number[]][] = [
    [[3, 4], [4, 2]],
    [[2, 3, 4], [4, 5]], // batched A, shared B (dB sums over the batch)
    [[3, 4], [2, 4, 5]], // shared A
    [[2, 1, 3, 4], [1, 3, 4, 2]], // broadcast batch dims on both sides
    [[4], [4, 3]], // vector-matrix
    [[2, 3, 4], [4]], // matrix-vector
    [[4], [4]], // dot product
  ];
  for (const [sa, sb] of cases) {
    it(`MatMul [${sa}] x [${sb}]`, async () => {
      const rng = new Rng(sa.length * 10 + sb.length);
      await checkGradients({ inputs: { a: randn(rng, 'float64', sa), b: randn(rng, 'float64', sb) }, build: (_b, x) => op.matmul(x.a, x.b) });
    });
  }

  for (const [ta, tb] of [[0, 0], [1, 0], [0, 1], [1, 1]]) {
    for (const cShape of [[4], [3, 1], [3, 4], []]) {
      it(`Gemm transA=${ta} transB=${tb} C [${cShape}] alpha/beta`, async () => {
        const rng = new Rng(ta * 2 + tb + cShape.length * 7);
        const a = randn(rng, 'float64', ta ? [5, 3] : [3, 5]);
        const b = randn(rng, 'float64', tb ? [4, 5] : [5, 4]);
        const c = randn(rng, 'float64', cShape);
        await checkGradients({
          inputs: { a, b, c },
          build: (g, x) => g.node1('Gemm', [x.a, x.b, x.c], { transA: ta, transB: tb, alpha: float(0.7), beta: float(1.3) }),
        });
      });
    }
  }
});
