import { Tensor } from '@seg/tensor';
import { decodeSafetensors, encodeSafetensors } from './safetensors';

/** Builds a file by hand from the format's definition: u64 LE header length, JSON header, data. */
function handMade(header: string, data: number[]): Uint8Array {
  const json = new TextEncoder().encode(header);
  const out = new Uint8Array(8 + json.length + data.length);
  new DataView(out.buffer).setBigUint64(0, BigInt(json.length), true);
  out.set(json, 8);
  out.set(data, 8 + json.length);
  return out;
}

describe('safetensors', () => {
  it('round-trips every dtype, scalars, empty tensors and metadata bit for bit', () => {
    const tensors = new Map<string, Tensor>([
      ['w', Tensor.fromArray('float32', [2, 3], [1.5, -2, Math.PI, 1e-30, -0, 7])],
      ['d', Tensor.fromArray('float64', [2], [Math.E, -1e300])],
      ['i', Tensor.fromArray('int32', [3], [-1, 0, 2 ** 31 - 1])],
      ['step', Tensor.fromArray('int64', [], [9007199254740993n])],
      ['u', Tensor.fromArray('uint8', [3], [0, 128, 255])],
      ['mask', Tensor.fromArray('bool', [2, 2], [1, 0, 0, 1])],
      ['empty', new Tensor('float32', [0, 4])],
    ]);
    const bytes = encodeSafetensors(tensors, { format: 'test', note: 'é ünïcode' });
    const headerLength = Number(new DataView(bytes.buffer).getBigUint64(0, true));
    expect(headerLength % 8).toBe(0);
    const back = decodeSafetensors(bytes);
    expect(back.metadata).toEqual({ format: 'test', note: 'é ünïcode' });
    expect([...back.tensors.keys()].sort()).toEqual([...tensors.keys()].sort());
    for (const [name, t] of tensors) {
      const u = back.tensors.get(name)!;
      expect(u.dtype).toBe(t.dtype);
      expect(u.dims).toEqual(t.dims);
      expect(Buffer.from((u.data as ArrayBufferView).buffer)).toEqual(Buffer.from((t.data as ArrayBufferView).buffer));
    }
    // Deterministic: the same content encodes to the same bytes.
    expect(encodeSafetensors(new Map([...tensors].reverse()), { note: 'é ünïcode', format: 'test' }).length).toBe(bytes.length);
  });

  it('writes exactly the bytes the format defines', () => {
    const bytes = encodeSafetensors(new Map([['a', Tensor.fromArray('float32', [2], [1, 2])]]), { k: 'v' });
    const header = '{"__metadata__":{"k":"v"},"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}';
    const padded = header + ' '.repeat(Math.ceil(header.length / 8) * 8 - header.length);
    expect(Buffer.from(bytes)).toEqual(Buffer.from(handMade(padded, [0, 0, 0x80, 0x3f, 0, 0, 0, 0x40])));
  });

  it('reads files from other writers: any key order, unpadded header, tensors in any data order', () => {
    const file = handMade('{"b":{"dtype":"I64","shape":[1],"data_offsets":[2,10]},"a":{"dtype":"U8","shape":[2],"data_offsets":[0,2]}}',
      [7, 9, 5, 0, 0, 0, 0, 0, 0, 0]);
    const { tensors, metadata } = decodeSafetensors(file);
    expect(metadata).toEqual({});
    expect(tensors.get('a')!.toArray()).toEqual([7, 9]);
    expect(tensors.get('b')!.toArray()).toEqual([5]);
  });

  it('rejects corrupt files with a message naming the problem', () => {
    const good = encodeSafetensors(new Map([['a', Tensor.fromArray('float32', [2], [1, 2])]]));
    expect(() => decodeSafetensors(good.subarray(0, 5))).toThrow(/too short/);
    expect(() => decodeSafetensors(good.subarray(0, good.length - 1))).toThrow(/needs 8 bytes|invalid data_offsets/);
    expect(() => decodeSafetensors(handMade('{"a":{"dtype":"F16","shape":[1],"data_offsets":[0,2]}}', [0, 0]))).toThrow(/'a' has dtype "F16"/);
    expect(() => decodeSafetensors(handMade('{"a":{"dtype":"U8","shape":[1],"data_offsets":[1,2]}}', [0, 0]))).toThrow(/starts at byte 1, expected 0/);
    expect(() => decodeSafetensors(handMade('{"a":{"dtype":"U8","shape":[1],"data_offsets":[0,1]}}', [0, 0]))).toThrow(/2 bytes but the tensors cover 1/);
    expect(() => decodeSafetensors(handMade('{"a":', []))).toThrow(/not valid UTF-8 JSON/);
    const huge = new Uint8Array(16);
    new DataView(huge.buffer).setBigUint64(0, 1n << 40n, true);
    expect(() => decodeSafetensors(huge, 'ckpt.safetensors')).toThrow(/ckpt.safetensors: header length/);
  });
});
