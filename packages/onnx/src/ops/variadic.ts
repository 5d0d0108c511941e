import type { OpSchema } from '../builder/op-schema';
import type { Value } from '../builder/value';
import { broadcastDims, need, one, sameDtype } from './infer';

/** Variadic elementwise ops with broadcasting over all inputs (Sum, Mean; Max and Min also take n inputs). */
export const variadicSchema = (opType: string): OpSchema => ({
  opType,
  infer(inputs) {
    if (inputs.length === 0) throw new Error('needs at least one input');
    const xs = inputs.map((v, i) => need(v, `data_${i}`));
    return one(sameDtype(xs), broadcastDims(...xs.map((x) => x.dims)));
  },
});

export const variadicSchemas: OpSchema[] = ['Sum', 'Mean'].map(variadicSchema);

function variadic(opType: string) {
  return (xs: readonly Value[]): Value => {
    if (xs.length === 0) throw new Error(`${opType.toLowerCase()}: needs at least one input`);
    return xs[0].builder.node1(opType, [...xs]);
  };
}

/** Elementwise sum of any number of broadcastable values. */
export const sum = variadic('Sum');
/** Elementwise mean of any number of broadcastable values. */
export const mean = variadic('Mean');
/** Elementwise maximum of any number of values. */
export const maxOf = variadic('Max');
/** Elementwise minimum of any number of values. */
export const minOf = variadic('Min');
