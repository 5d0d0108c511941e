import { GraphBuilder, op, serializeModel } from '@seg/onnx';
import { createNodeSession } from '@seg/runtime/node';
import { resizeMap, Rng, Tensor } from '@seg/tensor';

// @seg/tensor's resize claims to be ONNX Resize (linear/half_pixel; nearest/half_pixel/round_prefer_ceil).
// @seg/tensor cannot depend on @seg/onnx (the dependency runs the other way), so the claim is checked here.
async function ortResize(x: Tensor, h: number, w: number, mode: 'linear' | 'nearest'): Promise<Tensor> {
  const b = new GraphBuilder();
  const xv = b.input('x', x.dtype, x.dims);
  b.output(op.resize(xv, { sizes: [x.dims[0], x.dims[1], h, w], mode, coordinateTransformationMode: 'half_pixel', nearestMode: 'round_prefer_ceil' }), 'y');
  const s = await createNodeSession(serializeModel(b), { threads: 1 }, `resize-${mode}`);
  const y = (await s.run({ x })).y;
  await s.release();
  return y;
}

const SIZES: [number, number, number, number][] = [[7, 9, 19, 13], [16, 12, 8, 6], [15, 20, 4, 7], [5, 5, 5, 5], [3, 8, 10, 3]];

describe('resizeMap agrees with onnxruntime Resize', () => {
  it('bilinear = linear/half_pixel on float maps (|diff| / (1 + |ref|) < 1e-5)', async () => {
    const rng = new Rng(5);
    for (const [ih, iw, oh, ow] of SIZES) {
      const x = new Tensor('float32', [2, 3, ih, iw]);
      rng.fillNormal(x.data);
      const ref = await ortResize(x, oh, ow, 'linear');
      const got = resizeMap(x, { width: ow, height: oh });
      expect(got.dims).toEqual(ref.dims);
      // onnxruntime computes coordinates and weights in float32, we in float64: relative error ~1e-6
      let m = 0;
      for (let i = 0; i < got.size; i++) m = Math.max(m, Math.abs((got.data[i] as number) - (ref.data[i] as number)) / (1 + Math.abs(ref.data[i] as number)));
      expect(m).toBeLessThan(1e-5);
    }
  });

  it('nearest = nearest/half_pixel/round_prefer_ceil, exactly, including 2x-downscale ties', async () => {
    const rng = new Rng(6);
    for (const [ih, iw, oh, ow] of SIZES) {
      const x = new Tensor('float32', [1, 2, ih, iw]);
      rng.fillNormal(x.data);
      const ref = await ortResize(x, oh, ow, 'nearest');
      expect(resizeMap(x, { width: ow, height: oh, mode: 'nearest' }).toArray()).toEqual(ref.toArray());
    }
  });
});
