import type { DType } from '@seg/tensor';

/** ONNX TensorProto.DataType codes for seg's dtypes. */
const TO_ONNX: Record<DType, number> = { float32: 1, uint8: 2, int32: 6, int64: 7, bool: 9, float64: 11 };
const FROM_ONNX = new Map<number, DType>(Object.entries(TO_ONNX).map(([k, v]) => [v, k as DType]));

export function dtypeToOnnx(d: DType): number {
  return TO_ONNX[d];
}

export function dtypeFromOnnx(code: number): DType {
  const d = FROM_ONNX.get(code);
  if (!d) throw new Error(`ONNX data type ${code} is not supported by seg (supported: float32, float64, int32, int64, uint8, bool)`);
  return d;
}
