import { Tensor } from '@seg/tensor';
import { onnx } from 'onnx-proto';
import { dtypeFromOnnx, dtypeToOnnx } from './dtype';

/** Tensor -> TensorProto with little-endian raw data (the byte order of every platform ORT runs on). */
export function tensorToProto(name: string, t: Tensor): onnx.ITensorProto {
  const d = t.data;
  return {
    name,
    dataType: dtypeToOnnx(t.dtype),
    dims: [...t.dims],
    rawData: new Uint8Array(d.buffer, d.byteOffset, d.byteLength),
  };
}

/** TensorProto -> Tensor, from raw data or the typed repeated fields. */
export function tensorFromProto(p: onnx.ITensorProto): Tensor {
  const dtype = dtypeFromOnnx(p.dataType ?? 0);
  const dims = (p.dims ?? []).map((d) => Number(d));
  const t = new Tensor(dtype, dims);
  if (p.dataLocation === onnx.TensorProto.DataLocation.EXTERNAL) {
    throw new Error(`tensor '${p.name}' stores its data externally; load the model with its external data files`);
  }
  if (p.rawData && p.rawData.length) {
    if (p.rawData.length !== t.data.byteLength) throw new Error(`tensor '${p.name}': raw data has ${p.rawData.length} bytes, shape needs ${t.data.byteLength}`);
    new Uint8Array(t.data.buffer).set(p.rawData);
    return t;
  }
  const src: ArrayLike<number | { toString(): string }> =
    (dtype === 'float32' ? p.floatData : dtype === 'float64' ? p.doubleData : dtype === 'int64' ? p.int64Data : p.int32Data) ?? [];
  if (src.length !== t.size) throw new Error(`tensor '${p.name}': ${src.length} values for ${t.size} elements`);
  if (t.data instanceof BigInt64Array) for (let i = 0; i < t.size; i++) t.data[i] = BigInt(src[i].toString());
  else for (let i = 0; i < t.size; i++) (t.data as Float32Array)[i] = Number(src[i]);
  return t;
}
