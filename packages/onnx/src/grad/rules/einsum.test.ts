import { Rng } from '@seg/tensor';
import { op } from '../../index';
import { checkGradients, randn } from '../testing/finite-difference';
import { parseEquation } from './einsum';

describe('gradients: Einsum (float64)', () => {
  const cases: [string, number[][]][] = [
    ['ij,jk->ik', [[2, 3], [3, 4]]],
    ['bij,bjk->bik', [[2, 3, 4], [2, 4, 2]]],
    ['ij->', [[2, 3]]],
    ['ij->ji', [[2, 3]]],
    ['ijk,k->ij', [[2, 3, 4], [4]]],
    ['i,j->ij', [[3], [2]]],
    ['bchw,bkc->bkhw', [[2, 3, 2, 2], [2, 4, 3]]],
    ['ij,jk', [[2, 3], [3, 2]]],
    ['...ij,...jk->...ik', [[2, 3, 3, 4], [2, 3, 4, 2]]],
    ['...j,j->...', [[2, 3, 4], [4]]],
    ['b...,b->...', [[2, 3], [2]]],
    ['ab,bc,cd->ad', [[2, 3], [3, 2], [2, 2]]],
    ['ik,jk->i', [[2, 3], [4, 3]]],
  ];
  for (const [eq, shapes] of cases) {
    it(eq, async () => {
      const rng = new Rng(eq.length);
      const inputs = Object.fromEntries(shapes.map((s, i) => [`x${i}`, randn(rng, 'float64', s)]));
      await checkGradients({ inputs, build: (_b, v) => op.einsum(eq, ...shapes.map((_, i) => v[`x${i}`])) });
    });
  }

  it('parses implicit outputs (ellipsis first, then once-used labels sorted)', () => {
    expect(parseEquation('ij,jk').output).toEqual({ labels: ['i', 'k'], ellipsisAt: -1 });
    expect(parseEquation('...ij,...jk').output).toEqual({ labels: ['i', 'k'], ellipsisAt: 0 });
  });
});
