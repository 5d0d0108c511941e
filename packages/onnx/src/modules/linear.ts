import type { Value } from '../builder/value';
import { add } from '../ops/binary';
import { gemm, matmul } from '../ops/matmul';
import { transpose } from '../ops/shape-ops';
import { Init, Initializer, initParam } from './init';

export interface LinearOptions {
  outFeatures: number;
  bias?: boolean;
  /** Weight initialiser; Xavier/Glorot uniform by default. */
  init?: Initializer;
}

/**
 * Fully connected layer y = x W^T + b with PyTorch's layout: `<name>/weight` [out, in],
 * `<name>/bias` [out] (zeros). Rank-2 input is one Gemm (transB); higher ranks use MatMul over the
 * last axis plus Add.
 */
export function linear(x: Value, name: string, o: LinearOptions): Value {
  const b = x.builder;
  const fin = x.dims[x.rank - 1];
  if (x.rank < 1 || typeof fin !== 'number') throw new Error(`linear '${name}': the last axis of '${x.name}' must be static, got [${x.dims.join(', ')}]`);
  return b.scope(name, () => {
    const w = initParam(b, 'weight', [o.outFeatures, fin], o.init ?? Init.xavierUniform());
    const bias = o.bias === false ? null : initParam(b, 'bias', [o.outFeatures], Init.zeros());
    if (x.rank === 2) return gemm(x, w, bias, { transB: true });
    const y = matmul(x, transpose(w, [1, 0]));
    return bias ? add(y, bias) : y;
  });
}
