import { parseNpy, serializeNpy } from './npy';
import { Tensor } from './tensor';

describe('npy', () => {
  it.each(['float32', 'float64', 'int32', 'int64', 'uint8'] as const)('round-trips %s', (dtype) => {
    const t = Tensor.fromArray(dtype, [2, 3], [1, 2, 3, 4, 5, 250]);
    const back = parseNpy(serializeNpy(t));
    expect(back.dtype).toBe(dtype);
    expect(back.dims).toEqual([2, 3]);
    expect(back.toArray()).toEqual([1, 2, 3, 4, 5, 250]);
  });

  it('writes the header numpy expects (64-byte aligned, version 1.0)', () => {
    const bytes = serializeNpy(Tensor.fromArray('float32', [3], [1, 2, 3]));
    const headerLen = bytes[8] | (bytes[9] << 8);
    expect((10 + headerLen) % 64).toBe(0);
    expect(new TextDecoder().decode(bytes.subarray(10, 10 + headerLen))).toContain("'shape': (3,)");
  });

  it('rejects bad files with a clear message', () => {
    expect(() => parseNpy(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), 'w.npy')).toThrow(/w.npy: not a .npy file/);
    const bytes = serializeNpy(Tensor.fromArray('float32', [4], [1, 2, 3, 4]));
    expect(() => parseNpy(bytes.subarray(0, bytes.length - 4), 'w.npy')).toThrow(/truncated/);
  });
});
