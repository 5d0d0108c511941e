import { Tensor } from '../tensor';
import { createImage, imageFromTensor, imageToTensor, toChannels } from './image';

describe('ImageU8', () => {
  it('checks sizes and shares data with its tensor view', () => {
    const img = createImage(3, 2, 3);
    expect(img.data.length).toBe(18);
    const t = imageToTensor(img);
    expect(t.dims).toEqual([2, 3, 3]);
    t.data[5] = 9;
    expect(img.data[5]).toBe(9);
    expect(imageFromTensor(t)).toEqual(img);
    expect(imageFromTensor(new Tensor('uint8', [4, 5]))).toMatchObject({ width: 5, height: 4, channels: 1 });
    expect(() => createImage(2, 2, 2)).toThrow(/channels must be 1, 3 or 4, got 2/);
    expect(() => createImage(2, 2, 3, new Uint8Array(5))).toThrow(/2x2x3 needs 12 bytes, got 5/);
    expect(() => createImage(1.5, 2, 1)).toThrow(/non-negative integers, got 1.5x2/);
    expect(() => imageFromTensor(new Tensor('float32', [2, 2, 3]))).toThrow(/expected a uint8 tensor, got float32/);
  });

  it('converts channels: gray is replicated, colour to gray by BT.601 luma, alpha dropped or opaque', () => {
    const rgb = createImage(2, 1, 3, new Uint8Array([255, 0, 0, 10, 200, 30]));
    expect(Array.from(toChannels(rgb, 1).data)).toEqual([76, 124]); // 0.299*255, 0.299*10+0.587*200+0.114*30
    const rgba = toChannels(rgb, 4);
    expect(Array.from(rgba.data)).toEqual([255, 0, 0, 255, 10, 200, 30, 255]);
    expect(toChannels(rgba, 3)).toEqual(rgb);
    const gray = createImage(2, 1, 1, new Uint8Array([7, 250]));
    expect(toChannels(toChannels(gray, 3), 1)).toEqual(gray);
    expect(toChannels(gray, 1)).toBe(gray);
  });
});
