import { Tensor } from '@seg/tensor';
import { attrNumber } from '../builder/attributes';
import type { OpSchema } from '../builder/op-schema';
import type { Dim, Value } from '../builder/value';
import { constInts, fmtDims, need, one, recordShapeContents, shapeInput } from './infer';

/** Python-style clamped bounds of Shape's start/end attributes. */
function shapeRange(rank: number, start: number, end: number): [number, number] {
  const norm = (v: number) => Math.min(Math.max(v < 0 ? v + rank : v, 0), rank);
  return [norm(start), norm(end)];
}

export const shapeOfSchemas: OpSchema[] = [
  {
    opType: 'Shape',
    infer([xv], attrs, opset) {
      const x = need(xv, 'data');
      const start = attrNumber(attrs, 'start', 0);
      const end = attrNumber(attrs, 'end', x.rank);
      if ((start !== 0 || end !== x.rank) && opset < 15) throw new Error(`Shape start/end need opset >= 15, the builder is at ${opset}`);
      const [s, e] = shapeRange(x.rank, start, end);
      return one('int64', [Math.max(0, e - s)]);
    },
  },
  {
    opType: 'Size',
    infer([xv]) { need(xv, 'data'); return one('int64', []); },
  },
  {
    // The output's dims are the contents of the shape input; dtype comes from the value attribute.
    opType: 'ConstantOfShape',
    infer([sv], attrs) {
      const s = need(sv, 'input');
      if (s.dtype !== 'int64' || s.rank !== 1) throw new Error(`input must be a 1-D int64 shape, got ${s.dtype}${fmtDims(s.dims)}`);
      const v = attrs.value;
      if (v !== undefined && !(v instanceof Tensor && v.size === 1)) throw new Error('value must be a one-element tensor');
      const dtype = v instanceof Tensor ? v.dtype : 'float32';
      const dims = shapeInput(s);
      if (dims) return one(dtype, dims);
      const k = s.dims[0];
      if (typeof k !== 'number') throw new Error('the length of the shape input must be static');
      return one(dtype, new Array(k).fill(0).map((_, i) => `cos(${s.name},${i})`));
    },
  },
  {
    // Length is max(ceil((limit - start) / delta), 0) when all three are constants.
    opType: 'Range',
    infer([sv, lv, dv]) {
      const s = need(sv, 'start'); const l = need(lv, 'limit'); const d = need(dv, 'delta');
      for (const v of [s, l, d]) {
        if (v.rank !== 0) throw new Error(`start, limit and delta must be scalars, '${v.name}' is ${fmtDims(v.dims)}`);
        if (v.dtype !== s.dtype) throw new Error(`start, limit and delta must share one dtype, got ${s.dtype}, ${l.dtype}, ${d.dtype}`);
      }
      const [a, b, c] = [constInts(s), constInts(l), constInts(d)];
      if (!a || !b || !c) return one(s.dtype, [`range(${s.name},${l.name},${d.name})`]);
      if (c[0] === 0) throw new Error('delta is 0');
      return one(s.dtype, [Math.max(Math.ceil((b[0] - a[0]) / c[0]), 0)]);
    },
  },
];

/** The shape of x as a 1-D int64 value (dims [start, end) from opset 15). */
export function shape(x: Value, start?: number, end?: number): Value {
  const out = x.builder.node1('Shape', [x], { start, end });
  const [s, e] = shapeRange(x.rank, start ?? 0, end ?? x.rank);
  recordShapeContents(out, x.dims.slice(s, e) as Dim[]);
  return out;
}

export const size = (x: Value): Value => x.builder.node1('Size', [x]);

/** A tensor of the given shape filled with `value` (of `dtype`, float32 by default). */
export function constantOfShape(shapeValue: Value, value = 0, dtype: Tensor['dtype'] = 'float32'): Value {
  const v = Tensor.fromArray(dtype, [1], dtype === 'int64' ? [BigInt(value)] : [value]);
  return shapeValue.builder.node1('ConstantOfShape', [shapeValue], { value: v });
}

/** [start, start + delta, ...) up to limit, from scalar values or numbers (of dtype unless a value fixes it). */
export function range(start: Value | number, limit: Value | number, delta: Value | number, dtype: Tensor['dtype'] = 'int64', builder?: Value['builder']): Value {
  const known = [start, limit, delta].find((v): v is Value => typeof v !== 'number');
  const b = builder ?? known?.builder;
  if (!b) throw new Error('range: pass a builder when start, limit and delta are all numbers');
  // Numbers take the dtype of a given value, so range(x0, 5, 1) works for float x0.
  const dt = known?.dtype ?? dtype;
  const lift = (v: Value | number) => (typeof v === 'number' ? b.scalar(v, dt) : v);
  return b.node1('Range', [lift(start), lift(limit), lift(delta)]);
}
