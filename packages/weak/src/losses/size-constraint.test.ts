import { grad, GraphBuilder, serializeModel } from '@seg/onnx';
import { createNodeSession } from '@seg/runtime/node';
import { Rng, Tensor } from '@seg/tensor';
import { sizePenalty } from './size-constraint';

describe('size-constraint penalty (Kervadec et al. 2019)', () => {
  it('is zero inside the bounds, quadratic outside, and its gradient matches the closed form', async () => {
    const B = 3; const H = 4; const W = 5; const n = H * W;
    const rng = new Rng(1);
    const probs = new Tensor('float32', [B, 1, H, W]);
    rng.fillUniform(probs.data, 0, 1);
    const size = [0, 1, 2].map((i) => probs.data.subarray(i * n, (i + 1) * n).reduce((a, v) => a + v, 0));
    // Image 0 too small, image 1 inside, image 2 too big.
    const lower = Float32Array.from([size[0] + 2, size[1] - 1, 0]);
    const upper = Float32Array.from([n, size[1] + 1, size[2] - 3]);
    const b = new GraphBuilder({ opset: 17 });
    const p = b.param('p', probs);
    const lo = b.input('lower', 'float32', [B]);
    const up = b.input('upper', 'float32', [B]);
    const loss = sizePenalty(p, lo, up);
    const [dp] = grad(loss, [p]);
    b.output(loss, 'loss');
    b.output(dp, 'dp');
    const s = await createNodeSession(serializeModel(b), { threads: 1 });
    const out = await s.run({ lower: new Tensor('float32', [B], lower), upper: new Tensor('float32', [B], upper) });
    const pen = [2 ** 2, 0, 3 ** 2];
    expect(out.loss.data[0]).toBeCloseTo(pen.reduce((a, v) => a + v, 0) / B / n, 5);
    const slope = [-2 * 2, 0, 2 * 3].map((v) => v / B / n);
    for (let i = 0; i < B; i++) for (let k = 0; k < n; k++) expect(out.dp.data[i * n + k]).toBeCloseTo(slope[i], 5);
    await s.release();
  });

  it('rejects probabilities that are not [B, 1, H, W]', () => {
    const b = new GraphBuilder({ opset: 17 });
    const x = b.input('x', 'float32', [2, 3]);
    const l = b.input('l', 'float32', [2]);
    expect(() => sizePenalty(x, l, l)).toThrow(/must be \[B, 1, H, W\]/);
  });
});
