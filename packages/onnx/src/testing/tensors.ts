import { Rng, Tensor } from '@seg/tensor';

/** Small synthetic tensors for tests. */

export function randn(rng: Rng, dims: readonly number[]): Tensor<'float32'> {
  const t = new Tensor('float32', dims);
  rng.fillNormal(t.data);
  return t;
}

/** 0, 1, 2, ... (plus start) as a float32 tensor. */
export function arange(dims: readonly number[], start = 0): Tensor<'float32'> {
  const n = dims.reduce((a, d) => a * d, 1);
  return Tensor.fromArray('float32', dims, Array.from({ length: n }, (_, i) => start + i));
}

export function ints(dims: readonly number[], values: readonly number[]): Tensor {
  return Tensor.fromArray('int64', dims, values.map((v) => BigInt(v)));
}

/** Largest absolute difference between two same-sized numeric arrays. */
export function maxAbsDiff(a: ArrayLike<number | bigint>, b: ArrayLike<number | bigint>): number {
  if (a.length !== b.length) throw new Error(`maxAbsDiff: lengths ${a.length} and ${b.length} differ`);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(Number(a[i]) - Number(b[i])));
  return m;
}
