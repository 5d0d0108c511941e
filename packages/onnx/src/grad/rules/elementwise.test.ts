import { Rng } from '@seg/tensor';
import { op } from '../../index';
import { checkGradients, randDistinct, randn } from '../testing/finite-difference';

describe('gradients: broadcasting binary ops (float64, central differences)', () => {
  const shapes: [number[], number[]][] = [
    [[2, 3], [2, 3]],
    [[2, 3, 4], [4]],
    [[3, 1], [1, 4]],
    [[2, 1, 3], [4, 1]],
    [[], [2, 3]],
  ];
  for (const [opName, f] of [
    ['Add', op.add], ['Sub', op.sub], ['Mul', op.mul], ['Div', op.div], ['Max', op.max], ['Min', op.min],
  ] as const) {
    it(`${opName} over broadcast shapes`, async () => {
      const rng = new Rng(opName.length);
      for (const [sa, sb] of shapes) {
        const a = opName === 'Max' || opName === 'Min' ? randDistinct(rng, 'float64', sa, 0.1) : randn(rng, 'float64', sa);
        const b = opName === 'Div' ? randDistinct(rng, 'float64', sb, 0.3) : randn(rng, 'float64', sb);
        if (opName === 'Div') for (let i = 0; i < b.size; i++) b.data[i] = 0.5 + Math.abs(b.data[i] as number);
        await checkGradients({ inputs: { a, b }, build: (_b, x) => f(x.a, x.b) });
      }
    });
  }

  it('Pow with both inputs differentiable (a > 0)', async () => {
    const rng = new Rng(7);
    const a = randn(rng, 'float64', [2, 3]);
    for (let i = 0; i < a.size; i++) a.data[i] = 0.5 + Math.abs(a.data[i] as number);
    const e = randn(rng, 'float64', [3]);
    await checkGradients({ inputs: { a, e }, build: (_b, x) => op.pow(x.a, x.e) });
  });
});
