import { Tensor } from '@seg/tensor';
import { attrInts, attrNumber } from '../builder/attributes';
import type { OpSchema } from '../builder/op-schema';
import type { Dim, Value } from '../builder/value';
import { constInts, need, normAxis, one, prodDims, sameDtype, shapeInput } from './infer';


/**
 * prod(num) / prod(den) for dims with symbolic factors: symbols present in both cancel (so
 * reshaping ['n', 3, 4] to [0, -1] infers 12), otherwise the quotient is a symbolic expression.
 */
function divideDims(num: readonly Dim[], den: readonly Dim[]): Dim {
  const syms = num.filter((d): d is string => typeof d === 'string');
  let n = 1; let d = 1;
  for (const e of num) if (typeof e === 'number') n *= e;
  const leftover: string[] = [];
  for (const e of den) {
    if (typeof e === 'number') { d *= e; continue; }
    const k = syms.indexOf(e);
    if (k >= 0) syms.splice(k, 1); else leftover.push(e);
  }
  if (leftover.length === 0 && n % d === 0) return syms.length === 0 ? n / d : [n / d, ...syms].join('*');
  return `(${[n, ...syms].join('*')})/(${[d, ...leftover].join('*')})`;
}

export const shapeSchemas: OpSchema[] = [
  {
    opType: 'Concat',
    infer(inputs, attrs) {
      const xs = inputs.map((v, i) => need(v, `inputs[${i}]`));
      const dtype = sameDtype(xs);
      const rank = xs[0].rank;
      const axis = normAxis(attrNumber(attrs, 'axis', NaN), rank);
      let total: Dim = 0;
      const dims = [...xs[0].dims];
      for (const x of xs) {
        if (x.rank !== rank) throw new Error(`all inputs need rank ${rank}, '${x.name}' has [${x.dims.join(', ')}]`);
        x.dims.forEach((d, i) => {
          if (i !== axis && typeof d === 'number' && typeof dims[i] === 'number' && d !== dims[i]) {
            throw new Error(`inputs differ on axis ${i} (not the concat axis ${axis}): [${xs.map((v) => v.dims.join('x')).join('], [')}]`);
          }
        });
        const d = x.dims[axis];
        total = typeof total === 'number' && typeof d === 'number' ? total + d : `${total}+${d}`;
      }
      dims[axis] = total;
      return one(dtype, dims);
    },
  },
  {
    opType: 'Reshape',
    infer([xv, sv]) {
      const x = need(xv, 'data');
      // A constant, or the output of op.shape(y) (whose symbolic contents are known).
      const shape = shapeInput(need(sv, 'shape'));
      if (!shape) throw new Error('the shape input must be a constant (or op.shape of a value) for static inference');
      const out: Dim[] = shape.map((d, i) => (d === 0 ? x.dims[i] : d));
      const minus = out.indexOf(-1);
      if (minus >= 0) {
        const total = prodDims(x.dims);
        const known = prodDims(out.filter((_, i) => i !== minus));
        if (typeof total === 'number' && typeof known === 'number') {
          if (known === 0 || total % known !== 0) throw new Error(`cannot reshape [${x.dims.join(', ')}] to [${shape.join(', ')}]`);
          out[minus] = total / known;
        } else out[minus] = divideDims(x.dims, out.filter((_, i) => i !== minus));
      } else {
        const a = prodDims(x.dims); const b = prodDims(out);
        if (typeof a === 'number' && typeof b === 'number' && a !== b) throw new Error(`cannot reshape [${x.dims.join(', ')}] (${a} elements) to [${shape.join(', ')}] (${b})`);
      }
      return one(x.dtype, out);
    },
  },
  {
    opType: 'Flatten',
    infer([xv], attrs) {
      const x = need(xv, 'input');
      const axis = attrNumber(attrs, 'axis', 1);
      const a = axis < 0 ? axis + x.rank : axis;
      return one(x.dtype, [prodDims(x.dims.slice(0, a)), prodDims(x.dims.slice(a))]);
    },
  },
  {
    opType: 'Transpose',
    infer([xv], attrs) {
      const x = need(xv, 'data');
      const perm = attrInts(attrs, 'perm', null) ?? x.dims.map((_, i) => x.rank - 1 - i);
      if (perm.length !== x.rank || [...perm].sort((p, q) => p - q).some((p, i) => p !== i)) throw new Error(`perm [${perm}] is not a permutation of rank ${x.rank}`);
      return one(x.dtype, perm.map((p) => x.dims[p]));
    },
  },
  {
    opType: 'Unsqueeze',
    infer([xv, av]) {
      const x = need(xv, 'data');
      const axes = constInts(need(av, 'axes'));
      if (!axes) throw new Error('axes must be a constant');
      const rank = x.rank + axes.length;
      const norm = axes.map((a) => normAxis(a, rank));
      const out: Dim[] = [];
      let j = 0;
      for (let i = 0; i < rank; i++) out.push(norm.includes(i) ? 1 : x.dims[j++]);
      return one(x.dtype, out);
    },
  },
  {
    opType: 'Squeeze',
    infer([xv, av]) {
      const x = need(xv, 'data');
      const axes = av ? constInts(av) : x.dims.map((d, i) => (d === 1 ? i : -1)).filter((i) => i >= 0);
      if (!axes) throw new Error('axes must be a constant');
      const norm = axes.map((a) => normAxis(a, x.rank));
      for (const a of norm) if (x.dims[a] !== 1) throw new Error(`cannot squeeze axis ${a} of size ${x.dims[a]}`);
      return one(x.dtype, x.dims.filter((_, i) => !norm.includes(i)));
    },
  },
];

export function concat(xs: Value[], axis: number): Value {
  if (xs.length === 0) throw new Error('concat needs at least one input');
  return xs[0].builder.node1('Concat', xs, { axis });
}

export function reshape(x: Value, shape: readonly number[]): Value {
  return x.builder.node1('Reshape', [x, x.builder.ints(shape)]);
}

export const flatten = (x: Value, axis = 1): Value => x.builder.node1('Flatten', [x], { axis });

export const transpose = (x: Value, perm: number[]): Value => x.builder.node1('Transpose', [x], { perm });

export const unsqueeze = (x: Value, axes: number[]): Value => x.builder.node1('Unsqueeze', [x, x.builder.ints(axes)]);

export const squeeze = (x: Value, axes: number[]): Value => x.builder.node1('Squeeze', [x, x.builder.ints(axes)]);

/** Int64 1-D constant helper, exported for ops that take shape-like inputs. */
export const int64s = (values: readonly number[]): Tensor => Tensor.fromArray('int64', [values.length], values.map((v) => BigInt(v)));
