import type { OpSchema } from '../builder/op-schema';
import type { Value } from '../builder/value';
import { constInts, fmtDims, need, normAxis, one, requireInt } from './infer';

export const cumsumSchema: OpSchema = {
  opType: 'CumSum',
  infer([xv, av]) {
    const x = need(xv, 'x'); const a = need(av, 'axis');
    requireInt(a, 'axis');
    if (a.rank > 1 || (a.rank === 1 && a.dims[0] !== 1)) throw new Error(`axis must be a scalar, got ${fmtDims(a.dims)}`);
    const axis = constInts(a)?.[0];
    if (axis !== undefined) normAxis(axis, x.rank);
    return one(x.dtype, x.dims);
  },
};

/** Cumulative sum along `axis`; `exclusive` starts at 0, `reverse` sums from the end. */
export function cumsum(x: Value, axis: number, o: { exclusive?: boolean; reverse?: boolean } = {}): Value {
  const b = x.builder;
  return b.node1('CumSum', [x, b.scalar(axis, 'int64')], { exclusive: o.exclusive ? 1 : 0, reverse: o.reverse ? 1 : 0 });
}
