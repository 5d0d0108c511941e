import { Tensor } from '../tensor';
import { createImage } from './image';
import { imageToMask, maskToImage } from './mask';

describe('masks', () => {
  it('round-trips a bool mask through a 0/255 gray image', () => {
    const m = Tensor.fromArray('bool', [2, 3], [1, 0, 0, 1, 1, 0]);
    const img = maskToImage(m);
    expect(img).toMatchObject({ width: 3, height: 2, channels: 1 });
    expect(Array.from(img.data)).toEqual([255, 0, 0, 255, 255, 0]);
    expect(imageToMask(img).toArray()).toEqual(m.toArray());
  });

  it('thresholds probabilities and lossy images, ignoring alpha', () => {
    expect(Array.from(maskToImage(Tensor.fromArray('float32', [1, 3], [0.2, 0.5, 0.9]), 0.5).data)).toEqual([0, 0, 255]);
    const rgba = createImage(3, 1, 4, new Uint8Array([250, 3, 0, 0, 2, 1, 0, 255, 0, 0, 127, 255]));
    expect(imageToMask(rgba).toArray()).toEqual([1, 0, 0]);
    expect(imageToMask(rgba, 100).toArray()).toEqual([1, 0, 1]);
    expect(() => maskToImage(new Tensor('bool', [1, 2, 2]))).toThrow(/expected a mask \[H, W\], got \[1, 2, 2\]/);
  });
});
