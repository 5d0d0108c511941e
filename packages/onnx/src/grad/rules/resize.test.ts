import { Rng } from '@seg/tensor';
import { op } from '../../index';
import type { ResizeOptions } from '../../ops';
import { checkGradients, randn } from '../testing/finite-difference';

/** Resize is linear in X and has no float64 kernel: float32 with a large step, rtol 1e-3. */
describe('gradients: Resize (float32)', () => {
  const cases: [string, number[], ResizeOptions][] = [
    ['nearest 2x (block repeat route)', [1, 2, 3, 4], { scales: [1, 1, 2, 2], mode: 'nearest' }],
    ['nearest 1.5x half_pixel', [1, 1, 4, 4], { scales: [1, 1, 1.5, 1.5], mode: 'nearest' }],
    ['nearest down 0.5, asymmetric floor', [1, 2, 6, 5], { sizes: [1, 2, 3, 2], mode: 'nearest', coordinateTransformationMode: 'asymmetric', nearestMode: 'floor' }],
    ['linear 2x half_pixel', [2, 2, 3, 4], { scales: [1, 1, 2, 2], mode: 'linear' }],
    ['linear to sizes, align_corners', [1, 2, 4, 3], { sizes: [1, 2, 7, 5], mode: 'linear', coordinateTransformationMode: 'align_corners' }],
    ['linear 1.7x / 0.6x pytorch_half_pixel', [1, 1, 5, 5], { scales: [1, 1, 1.7, 0.6], mode: 'linear', coordinateTransformationMode: 'pytorch_half_pixel' }],
    ['linear asymmetric 3x on H only', [1, 2, 3, 4], { scales: [1, 1, 3, 1], mode: 'linear', coordinateTransformationMode: 'asymmetric' }],
    ['cubic 2x half_pixel', [1, 1, 4, 5], { scales: [1, 1, 2, 2], mode: 'cubic' }],
    ['linear on a 3-D tensor (last axis)', [2, 3, 4], { scales: [1, 1, 2.5], mode: 'linear' }],
    ['linear on axis 1 of a 4-D tensor', [1, 3, 2, 2], { scales: [1, 2, 1, 1], mode: 'linear' }],
  ];
  for (const [name, dims, o] of cases) {
    it(name, async () => {
      const rng = new Rng(name.length);
      await checkGradients({ inputs: { x: randn(rng, 'float32', dims) }, build: (_b, v) => op.resize(v.x, o), eps: 0.5, rtol: 1e-3, atol: 1e-4 });
    });
  }
});
