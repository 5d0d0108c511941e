import { Tensor } from './tensor';
import { broadcastShapes } from './shape';

describe('Tensor', () => {
  it('checks data length and dtype against the shape', () => {
    expect(() => new Tensor('float32', [2, 2], new Float32Array(3))).toThrow(/3 elements but shape \[2, 2\] needs 4/);
    expect(() => new Tensor('float32', [2], new Float64Array(2) as never)).toThrow(/needs Float32Array data, got Float64Array/);
  });

  it('reshapes with one inferred dimension and rejects impossible shapes', () => {
    const t = Tensor.fromArray('int32', [2, 3], [0, 1, 2, 3, 4, 5]);
    expect(t.reshape([3, -1]).dims).toEqual([3, 2]);
    expect(() => t.reshape([4, -1])).toThrow(/cannot view \[2, 3\]/);
    expect(t.reshape([3, 2]).get(2, 1)).toBe(5);
  });

  it('indexes, casts and validates expectations', () => {
    const t = Tensor.fromArray('float32', [2, 2], [1.5, -2.5, 3, 4]);
    expect(t.cast('int64').toArray()).toEqual([1, -2, 3, 4]);
    expect(() => t.get(2, 0)).toThrow(/index 2 out of range for axis 0/);
    expect(() => t.expect('image', 'float32', [1, 3, -1, -1])).toThrow(/image: expected shape \[1, 3, -1, -1\], got \[2, 2\]/);
  });

  it('broadcasts shapes like numpy', () => {
    expect(broadcastShapes([4, 1, 3], [5, 1])).toEqual([4, 5, 3]);
    expect(() => broadcastShapes([2, 3], [4, 3])).toThrow(/do not broadcast/);
  });
});
