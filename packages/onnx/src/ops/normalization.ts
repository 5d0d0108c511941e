import { attrNumber, float } from '../builder/attributes';
import type { OpSchema } from '../builder/op-schema';
import type { Value } from '../builder/value';
import { need, one, requireFloat, sameDtype } from './infer';

export const normalizationSchemas: OpSchema[] = [
  {
    opType: 'BatchNormalization',
    infer([xv, scale, bias, mean, variance], attrs) {
      const x = need(xv, 'X');
      requireFloat(x, 'X');
      sameDtype([x, scale, bias, mean, variance], 'X, scale, B, mean and var');
      for (const [v, n] of [[scale, 'scale'], [bias, 'B'], [mean, 'input_mean'], [variance, 'input_var']] as const) {
        const p = need(v, n);
        if (p.rank !== 1 || (typeof x.dims[1] === 'number' && p.dims[0] !== x.dims[1])) {
          throw new Error(`${n} must be [${x.dims[1]}] (the channel count of X), got [${p.dims.join(', ')}]`);
        }
      }
      const out = [{ dtype: x.dtype, dims: x.dims }];
      if (attrNumber(attrs, 'training_mode', 0) === 1) {
        out.push({ dtype: x.dtype, dims: [x.dims[1]] }, { dtype: x.dtype, dims: [x.dims[1]] });
      }
      return out;
    },
  },
  {
    opType: 'InstanceNormalization',
    infer([xv, s, b]) { const x = need(xv, 'input'); sameDtype([x, s, b]); return one(x.dtype, x.dims); },
  },
  {
    opType: 'LayerNormalization',
    infer([xv, s, b]) { const x = need(xv, 'X'); sameDtype([x, s, b]); return one(x.dtype, x.dims); },
  },
];

/** Inference-mode batch normalisation with running statistics. */
export function batchNorm(x: Value, scale: Value, bias: Value, mean: Value, variance: Value, epsilon = 1e-5): Value {
  return x.builder.node1('BatchNormalization', [x, scale, bias, mean, variance], { epsilon: float(epsilon) });
}

export function instanceNorm(x: Value, scale: Value, bias: Value, epsilon = 1e-5): Value {
  return x.builder.node1('InstanceNormalization', [x, scale, bias], { epsilon: float(epsilon) });
}

export function layerNorm(x: Value, scale: Value, bias: Value | null, axis = -1, epsilon = 1e-5): Value {
  return x.builder.node1('LayerNormalization', bias ? [x, scale, bias] : [x, scale], { axis, epsilon: float(epsilon) }, { numOutputs: 1 });
}
