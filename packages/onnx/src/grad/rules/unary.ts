import { attrNumber, attrString } from '../../builder/attributes';
import type { Value } from '../../builder/value';
import { and, div, erf, exp, greater, greaterOrEqual, less, lessOrEqual, mul, neg, reduceSum, sigmoid, sign, sub, tanh } from '../../ops';
import { dtypeToOnnx } from '../../proto/dtype';
import { isFloat, maskOf } from '../helpers';
import type { GradRule } from '../types';

/** Backward rules of shape-preserving elementwise ops, each one line of calculus. */

const x0 = (n: { inputs: readonly (Value | null)[] }): Value => n.inputs[0] as Value;
const y0 = (n: { outputs: readonly Value[] }): Value => n.outputs[0];

/** A rule whose only input gradient is dy * f(x, y). */
const simple = (opType: string, f: (dy: Value, x: Value, y: Value, attrs: Record<string, unknown>) => Value | null): GradRule => ({
  opType,
  grad: ({ node }, [dy]) => [() => f(dy!, x0(node), y0(node), node.attributes)],
});

const SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

export const unaryGrads: GradRule[] = [
  simple('Identity', (dy) => dy),
  simple('Neg', (dy) => neg(dy)),
  // exp: dy * y
  simple('Exp', (dy, _x, y) => mul(dy, y)),
  // log: dy / x
  simple('Log', (dy, x) => div(dy, x)),
  // sqrt: dy / (2 y)
  simple('Sqrt', (dy, _x, y) => div(mul(dy, 0.5), y)),
  // reciprocal: -dy * y^2
  simple('Reciprocal', (dy, _x, y) => neg(mul(dy, mul(y, y)))),
  // abs: dy * sign(x) (0 at 0)
  simple('Abs', (dy, x) => mul(dy, sign(x))),
  // relu: dy where x > 0 (Where rather than a float mask: one op fewer, and NaN-free)
  simple('Relu', (dy, x) => dy.builder.node1('Where', [greater(x, 0), dy, dy.builder.scalar(0, dy.dtype)])),
  // leaky relu: dy * (x > 0 ? 1 : alpha) = dy * (alpha + (1 - alpha) * [x > 0])
  {
    opType: 'LeakyRelu',
    grad: ({ node }, [dy]) => [() => {
      const alpha = attrNumber(node.attributes, 'alpha', 0.01);
      return mul(dy!, add1(mul(maskOf(greater(x0(node), 0), dy!), 1 - alpha), alpha));
    }],
  },
  // sigmoid: dy * y * (1 - y)
  simple('Sigmoid', (dy, _x, y) => mul(dy, mul(y, sub(dy.builder.scalar(1, y.dtype), y)))),
  // tanh: dy * (1 - y^2)
  simple('Tanh', (dy, _x, y) => mul(dy, sub(dy.builder.scalar(1, y.dtype), mul(y, y)))),
  // elu: dy * (x > 0 ? 1 : y + alpha)
  {
    opType: 'Elu',
    grad: ({ node }, [dy]) => [() => {
      const x = x0(node); const y = y0(node);
      const alpha = attrNumber(node.attributes, 'alpha', 1);
      const pos = maskOf(greater(x, 0), dy!);
      const neg1 = mul(sub(dy!.builder.scalar(1, x.dtype), pos), add1(y, alpha));
      return mul(dy!, addV(pos, neg1));
    }],
  },
  // hard sigmoid: dy * alpha inside the linear segment 0 < alpha x + beta < 1
  {
    opType: 'HardSigmoid',
    grad: ({ node }, [dy]) => [() => {
      const x = x0(node);
      const alpha = attrNumber(node.attributes, 'alpha', 0.2);
      const beta = attrNumber(node.attributes, 'beta', 0.5);
      const z = add1(mul(x, alpha), beta);
      const inside = and(greater(z, 0), less(z, 1));
      return mul(dy!, mul(maskOf(inside, dy!), alpha));
    }],
  },
  // softplus: dy * sigmoid(x)
  simple('Softplus', (dy, x) => mul(dy, sigmoid(x))),
  // erf: dy * 2/sqrt(pi) * exp(-x^2)
  simple('Erf', (dy, x) => mul(dy, mul(exp(neg(mul(x, x))), 2 / Math.sqrt(Math.PI)))),
  simple('Sin', (dy, x) => mul(dy, x.builder.node1('Cos', [x]))),
  simple('Cos', (dy, x) => neg(mul(dy, x.builder.node1('Sin', [x])))),
  {
    opType: 'Gelu',
    grad: ({ node }, [dy]) => [() => mul(dy!, geluDerivative(x0(node), attrString(node.attributes, 'approximate', 'none')))],
  },
  {
    // Clip passes dy where min <= x <= max; the bounds get the summed gradient of the clipped cells.
    opType: 'Clip',
    grad: ({ node }, [dy]) => {
      const [x, lo, hi] = node.inputs as (Value | null)[];
      return [
        () => {
          let m: Value | null = null;
          if (lo) m = greaterOrEqual(x!, lo);
          if (hi) m = m ? and(m, lessOrEqual(x!, hi)) : lessOrEqual(x!, hi);
          return m ? dy!.builder.node1('Where', [m, dy!, dy!.builder.scalar(0, dy!.dtype)]) : dy!;
        },
        lo ? () => reduceSumTo(mul(dy!, maskOf(less(x!, lo), dy!)), lo) : null,
        hi ? () => reduceSumTo(mul(dy!, maskOf(greater(x!, hi), dy!)), hi) : null,
      ];
    },
  },
  {
    // Cast is differentiable between float types only; the gradient is cast back.
    opType: 'Cast',
    grad: ({ node }, [dy]) => [() => {
      const x = x0(node);
      if (!isFloat(x) || !isFloat(dy!)) return null;
      return x.dtype === dy!.dtype ? dy! : dy!.builder.node1('Cast', [dy!], { to: dtypeToOnnx(x.dtype) });
    }],
  },
  // piecewise-constant ops: zero gradient almost everywhere
  ...['Floor', 'Ceil', 'Round', 'Sign'].map((t): GradRule => ({ opType: t, grad: () => [null] })),
];

function add1(v: Value, c: number): Value {
  return v.builder.node1('Add', [v, v.builder.scalar(c, v.dtype)]);
}

/** Sums a gradient over all axes into the (scalar) shape of a Clip bound. */
function reduceSumTo(g: Value, like: Value): Value {
  const s = reduceSum(g, undefined, false);
  return like.rank === 0 ? s : s.builder.node1('Reshape', [s, s.builder.ints(like.shape)]);
}

/**
 * d/dx GELU. Exact form: Phi(x) + x * phi(x). Tanh form (approximate='tanh'):
 * 0.5 (1 + t) + 0.5 x (1 - t^2) sqrt(2/pi) (1 + 3 * 0.044715 x^2), t = tanh(sqrt(2/pi)(x + 0.044715 x^3)).
 */
function geluDerivative(x: Value, approximate: string): Value {
  const b = x.builder;
  const one = b.scalar(1, x.dtype);
  const x2 = mul(x, x);
  if (approximate === 'tanh') {
    const u = mul(mul(x, add1(mul(x2, 0.044715), 1)), SQRT_2_OVER_PI);
    const t = tanh(u);
    const du = mul(add1(mul(x2, 3 * 0.044715), 1), SQRT_2_OVER_PI);
    return addV(mul(add1(t, 1), 0.5), mul(mul(mul(x, sub(one, mul(t, t))), du), 0.5));
  }
  const cdf = mul(add1(erf(mul(x, Math.SQRT1_2)), 1), 0.5);
  const pdf = mul(exp(mul(x2, -0.5)), INV_SQRT_2PI);
  return addV(cdf, mul(x, pdf));
}

const addV = (a: Value, b: Value): Value => a.builder.node1('Add', [a, b]);
