import { Rng } from '@seg/tensor';
import { op } from '../../index';
import { checkGradients, randn } from '../testing/finite-difference';

describe('gradients: Softmax and LogSoftmax (float64)', () => {
  for (const [name, f] of [['Softmax', op.softmax], ['LogSoftmax', op.logSoftmax]] as const) {
    for (const axis of [-1, 1, 0]) {
      it(`${name} over axis ${axis}`, async () => {
        const rng = new Rng(name.length + axis);
        await checkGradients({ inputs: { x: randn(rng, 'float64', [2, 3, 4], 2) }, build: (_b, v) => f(v.x, axis) });
      });
    }
  }
});
