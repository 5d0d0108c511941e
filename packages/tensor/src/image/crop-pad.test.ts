import { Tensor } from '../tensor';
import { cropImage, cropMap } from './crop';
import { createImage } from './image';
import { padImage, padMap, PadMode } from './pad';

const row = (values: number[]) => Tensor.fromArray('float32', [1, values.length], values);

describe('padMap / padImage', () => {
  it('pads constant, edge and reflect (numpy semantics)', () => {
    const x = row([1, 2, 3]);
    expect(padMap(x, { left: 2, right: 2 }, { mode: 'constant', value: -1 }).toArray()).toEqual([-1, -1, 1, 2, 3, -1, -1]);
    expect(padMap(x, { left: 2, right: 2 }, { mode: 'edge' }).toArray()).toEqual([1, 1, 1, 2, 3, 3, 3]);
    expect(padMap(x, { left: 2, right: 2 }, { mode: 'reflect' }).toArray()).toEqual([3, 2, 1, 2, 3, 2, 1]);
    const col = Tensor.fromArray('int32', [3, 1], [1, 2, 3]);
    expect(padMap(col, { top: 1, bottom: 2 }, { mode: 'reflect' }).toArray()).toEqual([2, 1, 2, 3, 2, 1]);
  });

  it('pads corners from both axes and every plane of an NCHW map', () => {
    const t = Tensor.fromArray('float32', [2, 1, 2, 2], [1, 2, 3, 4, 5, 6, 7, 8]);
    const p = padMap(t, { top: 1, left: 1 }, { mode: 'edge' });
    expect(p.dims).toEqual([2, 1, 3, 3]);
    expect(p.toArray()).toEqual([1, 1, 2, 1, 1, 2, 3, 3, 4, 5, 5, 6, 5, 5, 6, 7, 7, 8]);
  });

  it('is undone by cropping, for every mode, on images and maps', () => {
    const img = createImage(4, 3, 3);
    img.data.forEach((_, i) => { img.data[i] = (i * 29) % 256; });
    for (const mode of ['constant', 'edge', 'reflect'] as PadMode[]) {
      const p = padImage(img, { top: 2, bottom: 1, left: 3, right: 2 }, { mode, value: [10, 20, 30] });
      expect([p.width, p.height]).toEqual([9, 6]);
      expect(cropImage(p, { x: 3, y: 2, width: 4, height: 3 })).toEqual(img);
      const m = Tensor.fromArray('int64', [3, 4], Array.from({ length: 12 }, (_, i) => i * 3));
      expect(cropMap(padMap(m, { top: 2, left: 1, right: 3 }, { mode }), { x: 1, y: 2, width: 4, height: 3 }).toArray()).toEqual(m.toArray());
    }
    const filled = padImage(img, { left: 1 }, { value: [10, 20, 30] });
    expect(Array.from(filled.data.subarray(0, 3))).toEqual([10, 20, 30]);
  });

  it('names bad pads', () => {
    expect(() => padMap(row([1, 2, 3]), { left: 3 }, { mode: 'reflect' })).toThrow(/reflect padding of 3 needs a width size of at least 4, got 3/);
    expect(() => padMap(row([1]), { top: -1 })).toThrow(/height padding before must be a non-negative integer, got -1/);
    expect(() => padImage(createImage(2, 2, 3), { left: 1 }, { value: [1, 2] })).toThrow(/fill value has 2 entries for 3 channels/);
    expect(() => padImage(createImage(2, 2, 1), { left: 1 }, { value: 300 })).toThrow(/integers in 0..255/);
    expect(() => padMap(row([1]), { left: 1 }, { mode: 'wrap' as never })).toThrow(/unknown mode 'wrap'/);
  });
});

describe('cropImage / cropMap', () => {
  it('copies the rectangle and rejects one outside the input', () => {
    const img = createImage(3, 3, 1, new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9]));
    expect(Array.from(cropImage(img, { x: 1, y: 1, width: 2, height: 2 }).data)).toEqual([5, 6, 8, 9]);
    const t = Tensor.fromArray('float32', [2, 3, 3], Array.from({ length: 18 }, (_, i) => i));
    expect(cropMap(t, { x: 0, y: 2, width: 3, height: 1 }).toArray()).toEqual([6, 7, 8, 15, 16, 17]);
    expect(() => cropImage(img, { x: 2, y: 0, width: 2, height: 1 })).toThrow(/x=2 y=0 2x1 does not lie inside the 3x3 input/);
  });
});
