/** Element types that seg tensors carry; names follow ONNX's lower-case spelling. */
export type DType = 'float32' | 'float64' | 'int32' | 'int64' | 'uint8' | 'bool';

export interface DataTypeMap {
  float32: Float32Array;
  float64: Float64Array;
  int32: Int32Array;
  int64: BigInt64Array;
  uint8: Uint8Array;
  bool: Uint8Array;
}

export type TypedArray = DataTypeMap[DType];

export const DTYPES: readonly DType[] = ['float32', 'float64', 'int32', 'int64', 'uint8', 'bool'];

/** Allocates a zero-filled array of the given element type. */
export function allocate<D extends DType>(dtype: D, size: number): DataTypeMap[D] {
  switch (dtype) {
    case 'float32': return new Float32Array(size) as DataTypeMap[D];
    case 'float64': return new Float64Array(size) as DataTypeMap[D];
    case 'int32': return new Int32Array(size) as DataTypeMap[D];
    case 'int64': return new BigInt64Array(size) as DataTypeMap[D];
    case 'uint8':
    case 'bool': return new Uint8Array(size) as DataTypeMap[D];
    default: throw new Error(`unknown dtype '${String(dtype)}'; expected one of ${DTYPES.join(', ')}`);
  }
}

/** The dtype a typed array stores natively (Uint8Array maps to uint8). */
export function dtypeOf(data: TypedArray): DType {
  if (data instanceof Float32Array) return 'float32';
  if (data instanceof Float64Array) return 'float64';
  if (data instanceof Int32Array) return 'int32';
  if (data instanceof BigInt64Array) return 'int64';
  if (data instanceof Uint8Array) return 'uint8';
  throw new Error(`unsupported typed array ${Object.prototype.toString.call(data)}`);
}

export function bytesPerElement(dtype: DType): number {
  return dtype === 'float64' || dtype === 'int64' ? 8 : dtype === 'float32' || dtype === 'int32' ? 4 : 1;
}

export function isFloat(dtype: DType): boolean {
  return dtype === 'float32' || dtype === 'float64';
}
