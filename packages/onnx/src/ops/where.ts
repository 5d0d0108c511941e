import type { OpSchema } from '../builder/op-schema';
import type { Value } from '../builder/value';
import { broadcastDims, need, one, sameDtype } from './infer';
import { lift } from './binary';

export const whereSchema: OpSchema = {
  opType: 'Where',
  infer([cv, xv, yv]) {
    const c = need(cv, 'condition'); const x = need(xv, 'X'); const y = need(yv, 'Y');
    if (c.dtype !== 'bool') throw new Error(`condition must be bool, got ${c.dtype} ('${c.name}')`);
    return one(sameDtype([x, y], 'X and Y'), broadcastDims(c.dims, x.dims, y.dims));
  },
};

/** Elementwise condition ? x : y with broadcasting; a number takes the dtype of the other branch. */
export function where(cond: Value, x: Value | number, y: Value | number): Value {
  if (typeof x === 'number' && typeof y === 'number') throw new Error('where: at least one of x and y must be a value');
  const xv = typeof x === 'number' ? lift(y as Value, x) : x;
  const yv = lift(xv, y);
  return cond.builder.node1('Where', [cond, xv, yv]);
}
