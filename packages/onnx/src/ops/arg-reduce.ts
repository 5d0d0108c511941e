import { attrNumber } from '../builder/attributes';
import type { OpSchema } from '../builder/op-schema';
import type { Dim, Value } from '../builder/value';
import { need, normAxis, one } from './infer';

const argSchema = (opType: string): OpSchema => ({
  opType,
  infer([xv], attrs) {
    const x = need(xv, 'data');
    const axis = normAxis(attrNumber(attrs, 'axis', 0), x.rank);
    const keep = attrNumber(attrs, 'keepdims', 1) === 1;
    const dims: Dim[] = [];
    x.dims.forEach((d, i) => { if (i !== axis) dims.push(d); else if (keep) dims.push(1); });
    return one('int64', dims);
  },
});

export const argReduceSchemas: OpSchema[] = [argSchema('ArgMax'), argSchema('ArgMin')];

export interface ArgOptions { keepdims?: boolean; selectLastIndex?: boolean }

const argOp = (opType: string) => (x: Value, axis: number, o: ArgOptions = {}): Value =>
  x.builder.node1(opType, [x], { axis, keepdims: o.keepdims ? 1 : 0, select_last_index: o.selectLastIndex ? 1 : 0 });

/** int64 index of the maximum along `axis` (first one on ties unless selectLastIndex). */
export const argMax = argOp('ArgMax');
/** int64 index of the minimum along `axis`. */
export const argMin = argOp('ArgMin');
