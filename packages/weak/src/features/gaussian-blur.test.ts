import { Rng } from '@seg/tensor';
import { gaussianBlur, gaussianKernel1d } from './gaussian-blur';

describe('separable Gaussian blur', () => {
  it('equals a direct 2-D convolution with the outer-product kernel (edges replicated)', () => {
    const H = 9; const W = 13; const C = 2; const sigma = 1.3;
    const rng = new Rng(4);
    const x = Float32Array.from({ length: C * H * W }, () => rng.random());
    const y = gaussianBlur(x, C, H, W, sigma);
    const k = gaussianKernel1d(sigma);
    const r = (k.length - 1) / 2;
    const clamp = (v: number, hi: number) => Math.min(hi - 1, Math.max(0, v));
    for (let c = 0; c < C; c++) for (let i = 0; i < H; i++) for (let j = 0; j < W; j++) {
      let s = 0;
      for (let a = -r; a <= r; a++) for (let b = -r; b <= r; b++) s += k[a + r] * k[b + r] * x[c * H * W + clamp(i + a, H) * W + clamp(j + b, W)];
      expect(y[c * H * W + i * W + j]).toBeCloseTo(s, 5);
    }
    expect(k.reduce((a, v) => a + v, 0)).toBeCloseTo(1, 6);
    expect(() => gaussianBlur(x, C, H, W, 0)).toThrow(/sigma must be a positive finite number/);
    expect(() => gaussianBlur(x, 3, H, W, 1)).toThrow(/expected \[3, 9, 13\]/);
  });
});
