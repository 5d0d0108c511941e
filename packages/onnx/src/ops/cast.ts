import type { DType } from '@seg/tensor';
import type { OpSchema } from '../builder/op-schema';
import type { Value } from '../builder/value';
import { attrNumber } from '../builder/attributes';
import { need, one } from './infer';
import { dtypeFromOnnx, dtypeToOnnx } from '../proto/dtype';

export const castSchema: OpSchema = {
  opType: 'Cast',
  infer([xv], attrs) { const x = need(xv, 'input'); return one(dtypeFromOnnx(attrNumber(attrs, 'to', NaN)), x.dims); },
};

export const cast = (x: Value, to: DType): Value => (x.dtype === to ? x : x.builder.node1('Cast', [x], { to: dtypeToOnnx(to) }));
