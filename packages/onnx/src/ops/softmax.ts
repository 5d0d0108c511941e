import type { OpSchema } from '../builder/op-schema';
import type { Value } from '../builder/value';
import { need, one, requireFloat } from './infer';

const softmaxSchema = (opType: string): OpSchema => ({
  opType,
  infer([xv]) { const x = need(xv, 'input'); requireFloat(x, 'input'); return one(x.dtype, x.dims); },
});

export const softmaxSchemas: OpSchema[] = [softmaxSchema('Softmax'), softmaxSchema('LogSoftmax')];

export const softmax = (x: Value, axis = -1): Value => x.builder.node1('Softmax', [x], { axis });
export const logSoftmax = (x: Value, axis = -1): Value => x.builder.node1('LogSoftmax', [x], { axis });
