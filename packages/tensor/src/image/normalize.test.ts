import { Rng } from '../rng';
import { Tensor } from '../tensor';
import { createImage } from './image';
import { IMAGENET_MEAN, IMAGENET_STD, imageToNchw, nchwToImage } from './normalize';

function randomImage(w: number, h: number, c: 1 | 3 | 4, seed: number) {
  const rng = new Rng(seed);
  const img = createImage(w, h, c);
  for (let i = 0; i < img.data.length; i++) img.data[i] = Math.floor(rng.uniform() * 256);
  return img;
}

describe('imageToNchw / nchwToImage', () => {
  it('moves HWC bytes to NCHW and applies (x/255 - mean) / std per channel', () => {
    const img = createImage(2, 1, 3, new Uint8Array([255, 0, 51, 0, 128, 255]));
    const t = imageToNchw(img, { mean: IMAGENET_MEAN, std: IMAGENET_STD });
    expect(t.dims).toEqual([1, 3, 1, 2]);
    const expected = [(1 - 0.485) / 0.229, (0 - 0.485) / 0.229, (0 - 0.456) / 0.224, (128 / 255 - 0.456) / 0.224, (0.2 - 0.406) / 0.225, (1 - 0.406) / 0.225];
    t.data.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 6));
    expect(Array.from(imageToNchw(img, { scale: 1 }).data)).toEqual([255, 0, 0, 128, 51, 255]);
  });

  it('round-trips every byte exactly through normalisation and back', () => {
    for (const c of [1, 3, 4] as const) {
      const img = randomImage(7, 5, c, c);
      const opts = c === 3 ? { mean: IMAGENET_MEAN, std: IMAGENET_STD } : { mean: [0.5], std: [0.25] };
      expect(nchwToImage(imageToNchw(img, opts), opts)).toEqual(img);
    }
  });

  it('stacks a batch and rounds/clamps out-of-range floats on the way back', () => {
    const a = randomImage(3, 2, 3, 1);
    const b = randomImage(3, 2, 3, 2);
    const t = imageToNchw([a, b]);
    expect(t.dims).toEqual([2, 3, 2, 3]);
    expect(Array.from(t.data.subarray(18))).toEqual(Array.from(imageToNchw(b).data));
    const back = nchwToImage(Tensor.fromArray('float32', [1, 1, 4], [-0.2, 0.5, 1.7, NaN]));
    expect(Array.from(back.data)).toEqual([0, 128, 255, 0]);
  });

  it('names mismatched inputs', () => {
    expect(() => imageToNchw([randomImage(2, 2, 3, 1), randomImage(3, 2, 3, 1)])).toThrow(/image 1 is 3x2x3, image 0 is 2x2x3/);
    expect(() => imageToNchw(randomImage(2, 2, 3, 1), { mean: [0.1, 0.2] })).toThrow(/mean has 2 values for a 3-channel image/);
    expect(() => imageToNchw(randomImage(2, 2, 1, 1), { std: [0] })).toThrow(/std must be finite and non-zero/);
    expect(() => nchwToImage(new Tensor('float32', [2, 3, 2, 2]))).toThrow(/expected shape \[1, C, H, W\] or \[C, H, W\], got \[2, 3, 2, 2\]/);
    expect(() => imageToNchw([])).toThrow(/no images/);
  });
});
