import { Rng, Tensor } from '@seg/tensor';
import { op } from '../../index';
import { checkGradients, randDistinct, randn } from '../testing/finite-difference';

const i64 = (dims: number[], values: number[]): Tensor => Tensor.fromArray('int64', dims, values);

/** Indexing ops have float64 kernels; repeated indices check that gradients accumulate. */
describe('gradients: gather, scatter, where, topk (float64)', () => {
  const rng = new Rng(21);

  it('Gather on axes 0 and 1 with repeated and negative indices', async () => {
    const x = randn(rng, 'float64', [4, 3, 2]);
    await checkGradients({ inputs: { x, i: i64([2, 2], [0, 3, 3, -1]) }, build: (_b, v) => op.gather(v.x, v.i, 0) });
    await checkGradients({ inputs: { x, i: i64([3], [2, 0, 2]) }, build: (_b, v) => op.gather(v.x, v.i, 1) });
    await checkGradients({ inputs: { x, i: i64([], [1]) }, build: (_b, v) => op.gather(v.x, v.i, -1) });
  });

  it('GatherElements with repeated indices', async () => {
    await checkGradients({
      inputs: { x: randn(rng, 'float64', [3, 4]), i: i64([3, 2], [0, 0, 3, 1, 2, 2]) },
      build: (_b, v) => op.gatherElements(v.x, v.i, 1),
    });
  });

  it('GatherND, batch_dims 0 and 1', async () => {
    await checkGradients({
      inputs: { x: randn(rng, 'float64', [3, 4, 2]), i: i64([3, 2], [0, 1, 2, 3, 0, 1]) },
      build: (_b, v) => op.gatherND(v.x, v.i),
    });
    await checkGradients({
      inputs: { x: randn(rng, 'float64', [2, 4, 3]), i: i64([2, 2, 1], [1, 1, 3, 0]) },
      build: (_b, v) => op.gatherND(v.x, v.i, 1),
    });
  });

  it('ScatterElements (none and add): data and updates', async () => {
    for (const reduction of ['none', 'add'] as const) {
      await checkGradients({
        inputs: { x: randn(rng, 'float64', [3, 4]), u: randn(rng, 'float64', [3, 2]), i: i64([3, 2], [0, 2, 3, 1, 1, 2]) },
        build: (_b, v) => op.scatterElements(v.x, v.i, v.u, 1, reduction),
      });
    }
  });

  it('ScatterND (none and add): data and updates', async () => {
    for (const reduction of ['none', 'add'] as const) {
      await checkGradients({
        inputs: { x: randn(rng, 'float64', [4, 3]), u: randn(rng, 'float64', [2, 3]), i: i64([2, 1], [2, 0]) },
        build: (_b, v) => op.scatterND(v.x, v.i, v.u, reduction),
      });
    }
  });

  it('Where with broadcasting on both branches', async () => {
    const cond = Tensor.fromArray('bool', [2, 3], [1, 0, 1, 0, 0, 1]);
    await checkGradients({
      inputs: { c: cond, x: randn(rng, 'float64', [2, 1]), y: randn(rng, 'float64', [3]) },
      build: (_b, v) => op.where(v.c, v.x, v.y),
    });
  });

  it('TopK values (largest and smallest)', async () => {
    for (const largest of [true, false]) {
      await checkGradients({ inputs: { x: randDistinct(rng, 'float64', [3, 5], 0.05) }, build: (_b, v) => op.topk(v.x, 2, { axis: 1, largest }).values });
    }
  });
});
