import { createImage } from '../image';
import { imageFromImageData, imageToImageData, imageToRgba } from './image-data';

// ImageData-shaped plain objects: the conversions are plain typed-array code (the browser paths
// that need a canvas are tested in Chromium by packages/webtest).
describe('ImageData conversions', () => {
  it('round-trips RGBA and converts to RGB / gray', () => {
    const data = new Uint8ClampedArray([255, 0, 0, 255, 0, 255, 0, 128]);
    const rgba = imageFromImageData({ width: 2, height: 1, data });
    expect(Array.from(rgba.data)).toEqual(Array.from(data));
    expect(Array.from(imageToRgba(rgba))).toEqual(Array.from(data));
    expect(Array.from(imageFromImageData({ width: 2, height: 1, data }, 3).data)).toEqual([255, 0, 0, 0, 255, 0]);
    expect(Array.from(imageFromImageData({ width: 2, height: 1, data }, 1).data)).toEqual([76, 150]);
    data[0] = 1; // the image owns a copy
    expect(rgba.data[0]).toBe(255);
  });

  it('expands gray and RGB to opaque RGBA', () => {
    expect(Array.from(imageToRgba(createImage(2, 1, 1, new Uint8Array([3, 200]))))).toEqual([3, 3, 3, 255, 200, 200, 200, 255]);
    expect(Array.from(imageToRgba(createImage(1, 1, 3, new Uint8Array([1, 2, 3]))))).toEqual([1, 2, 3, 255]);
  });

  it('names size mismatches and a missing ImageData class', () => {
    expect(() => imageFromImageData({ width: 2, height: 2, data: new Uint8ClampedArray(4) })).toThrow(/ImageData 2x2 needs 16 RGBA bytes, got 4/);
    expect(() => imageToImageData(createImage(1, 1, 4))).toThrow(/needs the ImageData class of a browser or worker/);
  });
});
