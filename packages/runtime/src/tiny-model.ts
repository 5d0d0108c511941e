/**
 * A hand-encoded ONNX model `y = Identity(x)` (float32[1]), used to probe execution providers
 * without depending on the graph builder. Bytes follow onnx.proto's field numbers.
 */
export function tinyIdentityModel(): Uint8Array {
  const enc = new TextEncoder();
  const varint = (n: number): number[] => { const out: number[] = []; while (n > 127) { out.push((n & 127) | 128); n >>>= 7; } out.push(n); return out; };
  const field = (num: number, payload: number[] | Uint8Array): number[] => [...varint((num << 3) | 2), ...varint(payload.length), ...payload];
  const str = (num: number, s: string): number[] => field(num, [...enc.encode(s)]);
  const intf = (num: number, v: number): number[] => [...varint(num << 3), ...varint(v)];
  const tensorType = field(1, [...intf(1, 1), ...field(2, field(1, intf(1, 1)))]);
  const valueInfo = (name: string): number[] => [...str(1, name), ...field(2, tensorType)];
  const node = [...str(1, 'x'), ...str(2, 'y'), ...str(4, 'Identity')];
  const graph = [...field(1, node), ...str(2, 'probe'), ...field(11, valueInfo('x')), ...field(12, valueInfo('y'))];
  const opset = [...str(1, ''), ...intf(2, 17)];
  return new Uint8Array([...intf(1, 8), ...field(7, graph), ...field(8, opset)]);
}
