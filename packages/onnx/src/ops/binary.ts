import type { OpSchema } from '../builder/op-schema';
import type { Value } from '../builder/value';
import { broadcastDims, need, one, sameDtype } from './infer';
import { variadicSchema } from './variadic';

/** Elementwise binary ops with numpy broadcasting: Add, Sub, Mul, Div, Pow, Min, Max. */
const arithmetic = (opType: string): OpSchema => ({
  opType,
  infer([a, b]) {
    const x = need(a, 'A');
    const y = need(b, 'B');
    const dtype = opType === 'Pow' ? x.dtype : sameDtype([x, y]);
    return one(dtype, broadcastDims(x.dims, y.dims));
  },
});

const comparison = (opType: string): OpSchema => ({
  opType,
  infer([a, b]) {
    const x = need(a, 'A');
    const y = need(b, 'B');
    sameDtype([x, y]);
    return one('bool', broadcastDims(x.dims, y.dims));
  },
});

export const binarySchemas: OpSchema[] = [
  ...['Add', 'Sub', 'Mul', 'Div', 'Pow'].map(arithmetic),
  // Max and Min are variadic in ONNX.
  variadicSchema('Max'),
  variadicSchema('Min'),
  {
    // fmod=1 (C fmod, sign of the dividend) is required for floats; integers may use Python's mod.
    opType: 'Mod',
    infer([a, b], attrs) {
      const x = need(a, 'A'); const y = need(b, 'B');
      const dtype = sameDtype([x, y]);
      if ((dtype === 'float32' || dtype === 'float64') && attrs.fmod !== 1) throw new Error('float Mod needs fmod=1');
      return one(dtype, broadcastDims(x.dims, y.dims));
    },
  },
  { opType: 'Xor', infer: ([a, b]) => one('bool', broadcastDims(need(a, 'A').dims, need(b, 'B').dims)) },
  ...['Equal', 'Less', 'Greater', 'LessOrEqual', 'GreaterOrEqual'].map(comparison),
  { opType: 'And', infer: ([a, b]) => one('bool', broadcastDims(need(a, 'A').dims, need(b, 'B').dims)) },
  { opType: 'Or', infer: ([a, b]) => one('bool', broadcastDims(need(a, 'A').dims, need(b, 'B').dims)) },
];

/** Converts a number to a constant of `like`'s dtype so that `add(x, 1)` reads naturally. */
export function lift(like: Value, v: Value | number): Value {
  return typeof v === 'number' ? like.builder.scalar(v, like.dtype) : v;
}

export const add = (a: Value, b: Value | number): Value => a.builder.node1('Add', [a, lift(a, b)]);
export const sub = (a: Value, b: Value | number): Value => a.builder.node1('Sub', [a, lift(a, b)]);
export const mul = (a: Value, b: Value | number): Value => a.builder.node1('Mul', [a, lift(a, b)]);
export const div = (a: Value, b: Value | number): Value => a.builder.node1('Div', [a, lift(a, b)]);
export const pow = (a: Value, b: Value | number): Value => a.builder.node1('Pow', [a, lift(a, b)]);
export const min = (a: Value, b: Value | number): Value => a.builder.node1('Min', [a, lift(a, b)]);
export const max = (a: Value, b: Value | number): Value => a.builder.node1('Max', [a, lift(a, b)]);
export const equal = (a: Value, b: Value | number): Value => a.builder.node1('Equal', [a, lift(a, b)]);
export const less = (a: Value, b: Value | number): Value => a.builder.node1('Less', [a, lift(a, b)]);
export const greater = (a: Value, b: Value | number): Value => a.builder.node1('Greater', [a, lift(a, b)]);
export const lessOrEqual = (a: Value, b: Value | number): Value => a.builder.node1('LessOrEqual', [a, lift(a, b)]);
export const greaterOrEqual = (a: Value, b: Value | number): Value => a.builder.node1('GreaterOrEqual', [a, lift(a, b)]);
/** Remainder: C fmod (sign of a) for floats, Python-style (sign of b) for integers unless fmod. */
export const mod = (a: Value, b: Value | number, fmod?: boolean): Value =>
  a.builder.node1('Mod', [a, lift(a, b)], { fmod: (fmod ?? (a.dtype === 'float32' || a.dtype === 'float64')) ? 1 : 0 });
export const and = (a: Value, b: Value): Value => a.builder.node1('And', [a, b]);
export const or = (a: Value, b: Value): Value => a.builder.node1('Or', [a, b]);
export const xor = (a: Value, b: Value): Value => a.builder.node1('Xor', [a, b]);
