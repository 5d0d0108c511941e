import { Tensor } from '@seg/tensor';
import { attrNumber, float } from '../builder/attributes';
import type { OpSchema } from '../builder/op-schema';
import type { Dim, Value } from '../builder/value';
import { fmtDims, need, normAxis, one, requireFloat, sameDtype } from './infer';
import { mul, add } from './binary';
import { reshape } from './shape-ops';

/** Checks that a per-channel parameter is 1-D with `count` entries (skipped when count is symbolic). */
function perChannel(v: Value | null, what: string, count: Dim, detail = 'the channel count of X'): void {
  const p = need(v, what);
  if (p.rank !== 1 || (typeof count === 'number' && typeof p.dims[0] === 'number' && p.dims[0] !== count)) {
    throw new Error(`${what} must be [${count}] (${detail}), got ${fmtDims(p.dims)}`);
  }
}

export const normalizationSchemas: OpSchema[] = [
  {
    opType: 'BatchNormalization',
    infer([xv, scale, bias, mean, variance], attrs, opset) {
      const x = need(xv, 'X');
      requireFloat(x, 'X');
      if (x.rank < 2) throw new Error(`X must be [N, C, ...], got ${fmtDims(x.dims)}`);
      sameDtype([x, scale, bias, mean, variance], 'X, scale, B, mean and var');
      for (const [v, n] of [[scale, 'scale'], [bias, 'B'], [mean, 'input_mean'], [variance, 'input_var']] as const) perChannel(v, n, x.dims[1]);
      const out = [{ dtype: x.dtype, dims: x.dims }];
      if (attrNumber(attrs, 'training_mode', 0) === 1) {
        if (opset < 14) throw new Error(`training_mode needs opset >= 14, the builder is at ${opset}`);
        out.push({ dtype: x.dtype, dims: [x.dims[1]] }, { dtype: x.dtype, dims: [x.dims[1]] });
      }
      return out;
    },
  },
  {
    opType: 'InstanceNormalization',
    infer([xv, s, b]) {
      const x = need(xv, 'input');
      requireFloat(x, 'input');
      if (x.rank < 3) throw new Error(`input must be [N, C, spatial...], got ${fmtDims(x.dims)}`);
      sameDtype([x, s, b]);
      perChannel(s, 'scale', x.dims[1]);
      perChannel(b, 'B', x.dims[1]);
      return one(x.dtype, x.dims);
    },
  },
  {
    // Outputs Y, and optionally Mean and InvStdDev (float32 by stash_type) with the normalised axes kept as 1.
    opType: 'LayerNormalization',
    sinceOpset: 17,
    infer([xv, s, b], attrs) {
      const x = need(xv, 'X');
      requireFloat(x, 'X');
      const axis = normAxis(attrNumber(attrs, 'axis', -1), x.rank);
      sameDtype([x, s, b]);
      const normalized = x.dims.slice(axis);
      for (const [v, n] of [[s, 'Scale'], [b, 'B']] as const) {
        if (!v) { if (n === 'Scale') need(v, n); continue; }
        const ok = v.rank <= normalized.length && v.dims.every((d, i) => {
          const e = normalized[normalized.length - v.rank + i];
          return d === 1 || typeof d !== 'number' || typeof e !== 'number' || d === e;
        });
        if (!ok) throw new Error(`${n} ${fmtDims(v.dims)} must broadcast to the normalised dims ${fmtDims(normalized)}`);
      }
      const statDims = x.dims.map((d, i) => (i < axis ? d : 1));
      return [{ dtype: x.dtype, dims: x.dims }, { dtype: 'float32', dims: statDims }, { dtype: 'float32', dims: statDims }];
    },
  },
  {
    // Opset 18-20: scale and bias are per group [G]; opset 21+: per channel [C].
    opType: 'GroupNormalization',
    sinceOpset: 18,
    infer([xv, s, b], attrs, opset) {
      const x = need(xv, 'X');
      requireFloat(x, 'X');
      if (x.rank < 3) throw new Error(`X must be [N, C, spatial...], got ${fmtDims(x.dims)}`);
      sameDtype([x, s, b]);
      const g = attrNumber(attrs, 'num_groups', NaN);
      if (!Number.isInteger(g) || g < 1) throw new Error(`num_groups must be a positive integer, got ${g}`);
      const c = x.dims[1];
      if (typeof c === 'number' && c % g !== 0) throw new Error(`channel count ${c} is not divisible by num_groups ${g}`);
      const [count, detail] = opset >= 21 ? [c, 'the channel count of X, opset 21+'] : [g, 'num_groups, opset 18-20'];
      perChannel(s, 'scale', count, detail);
      perChannel(b, 'bias', count, detail);
      return one(x.dtype, x.dims);
    },
  },
];

/** Inference-mode batch normalisation with running statistics. */
export function batchNorm(x: Value, scale: Value, bias: Value, mean: Value, variance: Value, epsilon = 1e-5): Value {
  return x.builder.node1('BatchNormalization', [x, scale, bias, mean, variance], { epsilon: float(epsilon) });
}

/**
 * Training-mode batch normalisation (opset 14+): normalises with the batch statistics and returns
 * the updated running statistics, running = momentum * running + (1 - momentum) * batch, where
 * the batch variance is the biased one (as onnxruntime computes it).
 */
export function batchNormTraining(x: Value, scale: Value, bias: Value, mean: Value, variance: Value, o: { momentum?: number; epsilon?: number } = {}): { y: Value; runningMean: Value; runningVar: Value } {
  const [y, runningMean, runningVar] = x.builder.node('BatchNormalization', [x, scale, bias, mean, variance], {
    epsilon: float(o.epsilon ?? 1e-5), momentum: float(o.momentum ?? 0.9), training_mode: 1,
  }, { name: 'BatchNormTrain' });
  return { y, runningMean, runningVar };
}

export function instanceNorm(x: Value, scale: Value, bias: Value, epsilon = 1e-5): Value {
  return x.builder.node1('InstanceNormalization', [x, scale, bias], { epsilon: float(epsilon) });
}

export function layerNorm(x: Value, scale: Value, bias: Value | null, axis = -1, epsilon = 1e-5): Value {
  return x.builder.node1('LayerNormalization', bias ? [x, scale, bias] : [x, scale], { axis, epsilon: float(epsilon) }, { numOutputs: 1 });
}

/** LayerNormalization with its saved statistics (float32 Mean and InvStdDev) for a backward pass. */
export function layerNormWithStats(x: Value, scale: Value, bias: Value | null, axis = -1, epsilon = 1e-5): { y: Value; mean: Value; invStdDev: Value } {
  const [y, mean, invStdDev] = x.builder.node('LayerNormalization', bias ? [x, scale, bias] : [x, scale], { axis, epsilon: float(epsilon) });
  return { y, mean, invStdDev };
}

/**
 * Group normalisation (Wu & He 2018) with per-channel scale and bias [C]. Opset 21+ emits one
 * GroupNormalization node; at opsets 18-20, whose GroupNormalization takes per-group affine
 * parameters, it normalises with unit scale and zero bias and applies the per-channel affine after.
 */
export function groupNorm(x: Value, scale: Value, bias: Value, numGroups: number, epsilon = 1e-5): Value {
  const b = x.builder;
  perChannel(scale, 'groupNorm: scale', x.dims[1]);
  perChannel(bias, 'groupNorm: bias', x.dims[1]);
  if (b.opset >= 21) return b.node1('GroupNormalization', [x, scale, bias], { num_groups: numGroups, epsilon: float(epsilon) });
  const ones = b.constant(filled(x.dtype, numGroups, 1));
  const zeros = b.constant(filled(x.dtype, numGroups, 0));
  const y = b.node1('GroupNormalization', [x, ones, zeros], { num_groups: numGroups, epsilon: float(epsilon) });
  const bshape = [-1, ...new Array(x.rank - 2).fill(1)];
  return add(mul(y, reshape(scale, bshape)), reshape(bias, bshape));
}

const filled = (dtype: Value['dtype'], n: number, v: number): Tensor => Tensor.fromArray(dtype, [n], new Array(n).fill(v));
