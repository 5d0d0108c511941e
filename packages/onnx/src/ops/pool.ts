import { attrInts, attrNumber, attrString } from '../builder/attributes';
import type { OpSchema } from '../builder/op-schema';
import type { Dim, TypeInfo, Value } from '../builder/value';
import { need, requireFloat, resolvePads, windowOut } from './infer';

export interface PoolOptions {
  kernel: number[];
  strides?: number[];
  pads?: number[];
  dilations?: number[];
  ceilMode?: boolean;
  /** AveragePool only: count padded cells in the divisor. */
  countIncludePad?: boolean;
}

const poolSchema = (opType: 'MaxPool' | 'AveragePool'): OpSchema => ({
  opType,
  infer([xv], attrs) {
    const x = need(xv, 'X');
    requireFloat(x, 'X');
    const kernel = attrInts(attrs, 'kernel_shape', null);
    if (!kernel) throw new Error('kernel_shape is required');
    const n = kernel.length;
    if (x.rank !== n + 2) throw new Error(`X must have rank ${n + 2} for a ${n}-D kernel, got [${x.dims.join(', ')}]`);
    const strides = attrInts(attrs, 'strides', null) ?? new Array(n).fill(1);
    const dil = attrInts(attrs, 'dilations', null) ?? new Array(n).fill(1);
    const pads = resolvePads(attrString(attrs, 'auto_pad', 'NOTSET'), attrInts(attrs, 'pads', null), x.dims.slice(2), kernel, strides, dil);
    const ceil = attrNumber(attrs, 'ceil_mode', 0) === 1;
    const spatial: Dim[] = kernel.map((k, i) => windowOut(x.dims[2 + i], k, strides[i], pads[i], pads[i + n], dil[i], ceil));
    const dims = [x.dims[0], x.dims[1], ...spatial];
    const out: TypeInfo[] = [{ dtype: x.dtype, dims }];
    if (opType === 'MaxPool') out.push({ dtype: 'int64', dims });
    return out;
  },
});

const globalPool = (opType: string): OpSchema => ({
  opType,
  infer([xv]) {
    const x = need(xv, 'X');
    return [{ dtype: x.dtype, dims: [x.dims[0], x.dims[1], ...x.dims.slice(2).map(() => 1)] }];
  },
});

export const poolSchemas: OpSchema[] = [poolSchema('MaxPool'), poolSchema('AveragePool'), globalPool('GlobalAveragePool'), globalPool('GlobalMaxPool')];

function poolAttrs(x: Value, o: PoolOptions) {
  const n = o.kernel.length;
  return {
    kernel_shape: o.kernel,
    strides: o.strides ?? new Array(n).fill(1),
    pads: o.pads ?? new Array(2 * n).fill(0),
    ceil_mode: o.ceilMode ? 1 : 0,
  };
}

export function maxPool(x: Value, o: PoolOptions): Value {
  return x.builder.node1('MaxPool', [x], { ...poolAttrs(x, o), dilations: o.dilations }, { numOutputs: 1 });
}

/** MaxPool with its second output: flat NCHW indices of the maxima (for unpooling and gradients). */
export function maxPoolWithIndices(x: Value, o: PoolOptions): [Value, Value] {
  const [y, i] = x.builder.node('MaxPool', [x], { ...poolAttrs(x, o), dilations: o.dilations }, { name: 'MaxPoolIdx' });
  return [y, i];
}

export function averagePool(x: Value, o: PoolOptions): Value {
  return x.builder.node1('AveragePool', [x], { ...poolAttrs(x, o), count_include_pad: o.countIncludePad ? 1 : 0 });
}

export const globalAveragePool = (x: Value): Value => x.builder.node1('GlobalAveragePool', [x]);
export const globalMaxPool = (x: Value): Value => x.builder.node1('GlobalMaxPool', [x]);
