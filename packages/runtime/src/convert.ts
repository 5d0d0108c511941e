import type { Tensor as OrtTensor, InferenceSession } from 'onnxruntime-common';
import { DType, Tensor } from '@seg/tensor';
import type { IoSpec } from './session';

/** Bridges between seg tensors and onnxruntime tensors (sharing data, not copying). */
export function toOrt<T extends new (type: never, data: never, dims: readonly number[]) => OrtTensor>(Ctor: T, t: Tensor): OrtTensor {
  const C = Ctor as unknown as new (type: string, data: unknown, dims: readonly number[]) => OrtTensor;
  return new C(t.dtype, t.data, t.dims);
}

export function fromOrt(name: string, v: OrtTensor): Tensor {
  const dtype = v.type as DType;
  if (!['float32', 'float64', 'int32', 'int64', 'uint8', 'bool'].includes(dtype)) {
    throw new Error(`output '${name}' has type ${v.type}, which seg tensors do not carry`);
  }
  return new Tensor(dtype, v.dims, v.data as never);
}

export function specsOf(meta: readonly InferenceSession.ValueMetadata[]): IoSpec[] {
  return meta.map((m) => (m.isTensor ? { name: m.name, dtype: m.type, dims: m.shape } : { name: m.name, dtype: 'non-tensor', dims: [] }));
}
