import { float } from '../builder/attributes';
import type { OpSchema } from '../builder/op-schema';
import type { Value } from '../builder/value';
import { need, one, requireFloat } from './infer';

/** Shape-preserving elementwise ops. */
const sameType = (opType: string, sinceOpset?: number): OpSchema => ({
  opType,
  sinceOpset,
  infer([x]) { const v = need(x, 'X'); return one(v.dtype, v.dims); },
});

export const unarySchemas: OpSchema[] = [
  ...['Identity', 'Neg', 'Abs', 'Exp', 'Log', 'Sqrt', 'Reciprocal', 'Relu', 'Sigmoid', 'Tanh', 'Erf', 'Floor', 'Ceil',
    'Round', 'Sign', 'Sin', 'Cos', 'LeakyRelu', 'Elu', 'Softplus', 'HardSigmoid', 'Not'].map((t) => sameType(t)),
  sameType('Gelu', 20),
  // Predicates: bool of the input's shape.
  ...['IsNaN', 'IsInf'].map((opType): OpSchema => ({
    opType,
    infer([x]) { const v = need(x, 'X'); requireFloat(v, 'X'); return one('bool', v.dims); },
  })),
  {
    opType: 'Clip',
    infer([x]) { const v = need(x, 'input'); return one(v.dtype, v.dims); },
  },
];

const un = (opType: string) => (x: Value): Value => x.builder.node1(opType, [x]);
export const identity = un('Identity');
export const neg = un('Neg');
export const abs = un('Abs');
export const exp = un('Exp');
export const log = un('Log');
export const sqrt = un('Sqrt');
export const reciprocal = un('Reciprocal');
export const relu = un('Relu');
export const sigmoid = un('Sigmoid');
export const tanh = un('Tanh');
export const erf = un('Erf');
export const floor = un('Floor');
export const ceil = un('Ceil');
export const round = un('Round');
export const sign = un('Sign');
export const not = un('Not');
export const softplus = un('Softplus');

export const leakyRelu = (x: Value, alpha = 0.01): Value => x.builder.node1('LeakyRelu', [x], { alpha: float(alpha) });

/** Clip to [lo, hi]; bounds are scalar constants of x's dtype (null leaves that side open). */
export function clip(x: Value, lo: number | null, hi: number | null): Value {
  const b = x.builder;
  return b.node1('Clip', [x, lo === null ? null : b.scalar(lo, x.dtype), hi === null ? null : b.scalar(hi, x.dtype)]);
}

export const relu6 = (x: Value): Value => clip(x, 0, 6);

export const isNaN = un('IsNaN');
/** true where x is +-Infinity. */
export const isInf = un('IsInf');

/**
 * GELU (Hendrycks & Gimpel 2016), x * Phi(x), as the opset-20 Gelu op; 'tanh' selects the tanh
 * approximation. Builders below opset 20 get an error naming the opset (use geluErf there).
 */
export const gelu = (x: Value, approximate: 'none' | 'tanh' = 'none'): Value =>
  x.builder.node1('Gelu', [x], { approximate: approximate === 'none' ? undefined : approximate });

/** GELU written with Erf for any opset: 0.5 * x * (1 + erf(x / sqrt(2))). */
export function geluErf(x: Value): Value {
  const b = x.builder;
  const inner = erf(b.node1('Mul', [x, b.scalar(Math.SQRT1_2, x.dtype)]));
  return b.node1('Mul', [b.node1('Mul', [x, b.scalar(0.5, x.dtype)]), b.node1('Add', [inner, b.scalar(1, x.dtype)])]);
}
