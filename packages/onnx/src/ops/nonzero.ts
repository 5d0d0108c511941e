import type { OpSchema } from '../builder/op-schema';
import type { Value } from '../builder/value';
import { need, one, symbolic } from './infer';

/** ONNX NonZero: int64 [rank, count] where count is only known at run time (a symbolic dim). */
export const nonzeroSchema: OpSchema = {
  opType: 'NonZero',
  infer([xv]) { const x = need(xv, 'X'); return one('int64', [x.rank, symbolic('nonzero', x)]); },
};

/** Indices of the non-zero elements of x, one column per element: [rank, count]. */
export const nonzero = (x: Value): Value => x.builder.node1('NonZero', [x]);
