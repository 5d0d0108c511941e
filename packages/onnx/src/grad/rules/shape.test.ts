import { Rng } from '@seg/tensor';
import { op } from '../../index';
import { checkGradients, randn } from '../testing/finite-difference';
import { sliceIndices } from './shape';

/** Data-movement ops have float64 kernels; every rule is checked in float64. */
describe('gradients: shape and data-movement ops (float64)', () => {
  const rng = new Rng(11);
  const x234 = () => randn(rng, 'float64', [2, 3, 4]);

  it('Reshape, Flatten, Transpose, Squeeze, Unsqueeze', async () => {
    await checkGradients({ inputs: { x: x234() }, build: (_b, v) => op.reshape(v.x, [4, -1]) });
    await checkGradients({ inputs: { x: x234() }, build: (_b, v) => op.flatten(v.x, 2) });
    await checkGradients({ inputs: { x: x234() }, build: (_b, v) => op.transpose(v.x, [2, 0, 1]) });
    await checkGradients({ inputs: { x: randn(rng, 'float64', [2, 1, 3, 1]) }, build: (_b, v) => op.squeeze(v.x, [1, -1]) });
    await checkGradients({ inputs: { x: randn(rng, 'float64', [2, 1, 3]) }, build: (b, v) => b.node1('Squeeze', [v.x]) });
    await checkGradients({ inputs: { x: x234() }, build: (_b, v) => op.unsqueeze(v.x, [0, -1]) });
  });

  it('Concat along an axis, with a value used twice', async () => {
    await checkGradients({
      inputs: { a: x234(), b: randn(rng, 'float64', [2, 1, 4]) },
      build: (_b, v) => op.concat([v.a, v.b, v.a], 1),
    });
  });

  it('Split, with one output unused', async () => {
    await checkGradients({ inputs: { x: x234() }, build: (_b, v) => { const [p, , r] = op.split(v.x, [1, 1, 2], 2); return op.concat([r, p], 2); } });
  });

  it('Slice with steps 1, strided, negative and clamped bounds', async () => {
    const cases: [number[], number[], number[], number[]][] = [
      [[1], [3], [2], [1]],
      [[0, 1], [2, -1], [1, 2], [1, 1]],
      [[0], [100], [2], [2]],
      [[-1], [-100], [2], [-1]],
      [[3, 2], [0, 0], [2, 1], [-2, -1]],
      [[1], [2], [0], [1]],
    ];
    for (const [starts, ends, axes, steps] of cases) {
      await checkGradients({ inputs: { x: x234() }, build: (_b, v) => op.slice(v.x, starts, ends, axes, steps) });
    }
  });

  it('sliceIndices follows ONNX clamping', () => {
    expect(sliceIndices(5, 0, 100, 2)).toEqual([0, 2, 4]);
    expect(sliceIndices(5, -1, -100, -2)).toEqual([4, 2, 0]);
    expect(sliceIndices(5, 10, 0, -1)).toEqual([4, 3, 2, 1]);
    expect(sliceIndices(5, 3, 1, 1)).toEqual([]);
  });

  it('Expand and Tile', async () => {
    await checkGradients({ inputs: { x: randn(rng, 'float64', [3, 1]) }, build: (_b, v) => op.expand(v.x, [2, 3, 4]) });
    await checkGradients({ inputs: { x: randn(rng, 'float64', [2, 3]) }, build: (_b, v) => op.tile(v.x, [2, 3]) });
    await checkGradients({ inputs: { x: randn(rng, 'float64', [2, 1, 3]) }, build: (_b, v) => op.tile(v.x, [1, 4, 1]) });
  });

  for (const mode of ['constant', 'reflect', 'edge'] as const) {
    it(`Pad mode ${mode}`, async () => {
      await checkGradients({ inputs: { x: randn(rng, 'float64', [2, 4, 5]) }, build: (_b, v) => op.pad(v.x, [0, 2, 1, 0, 1, 3], { mode }) });
    });
  }

  it('Pad mode wrap (opset 19)', async () => {
    await checkGradients({ inputs: { x: randn(rng, 'float64', [3, 4]) }, build: (_b, v) => op.pad(v.x, [2, 1, 1, 3], { mode: 'wrap' }), opset: 19 });
  });

  it('Pad constant with negative pads (crop) and a differentiable constant_value', async () => {
    await checkGradients({ inputs: { x: randn(rng, 'float64', [3, 5]) }, build: (_b, v) => op.pad(v.x, [-1, 2, 1, -2]) });
    await checkGradients({
      inputs: { x: randn(rng, 'float64', [3, 4]), c: randn(rng, 'float64', []) },
      build: (b, v) => b.node1('Pad', [v.x, b.ints([1, 0, 2, 1]), v.c], { mode: 'constant' }),
    });
  });
});
