import type { Value } from '../../builder/value';
import { add, div, equal, log, mul, neg, pow, sub } from '../../ops';
import { lazy, maskOf, unbroadcast } from '../helpers';
import type { GradRule } from '../types';

/**
 * Backward rules of the broadcasting binary ops (Add, Sub, Mul, Div, Pow, Min, Max): each input
 * gradient is computed at the output shape and summed back to the input's shape.
 */

const ins = (n: { inputs: readonly (Value | null)[] }): [Value, Value] => [n.inputs[0] as Value, n.inputs[1] as Value];

export const addGrad: GradRule = {
  opType: 'Add',
  grad: ({ node }, [dy]) => {
    const [a, b] = ins(node);
    return [() => unbroadcast(dy!, a.dims), () => unbroadcast(dy!, b.dims)];
  },
};

export const subGrad: GradRule = {
  opType: 'Sub',
  grad: ({ node }, [dy]) => {
    const [a, b] = ins(node);
    return [() => unbroadcast(dy!, a.dims), () => unbroadcast(neg(dy!), b.dims)];
  },
};

export const mulGrad: GradRule = {
  opType: 'Mul',
  grad: ({ node }, [dy]) => {
    const [a, b] = ins(node);
    return [() => unbroadcast(mul(dy!, b), a.dims), () => unbroadcast(mul(dy!, a), b.dims)];
  },
};

/** y = a / b: da = dy / b, db = -dy * y / b. */
export const divGrad: GradRule = {
  opType: 'Div',
  grad: ({ node }, [dy]) => {
    const [a, b] = ins(node);
    const y = node.outputs[0];
    return [() => unbroadcast(div(dy!, b), a.dims), () => unbroadcast(neg(div(mul(dy!, y), b)), b.dims)];
  },
};

/** y = a ^ b: da = dy * b * a^(b-1), db = dy * y * log(a) (defined for a > 0). */
export const powGrad: GradRule = {
  opType: 'Pow',
  grad: ({ node }, [dy]) => {
    const [a, b] = ins(node);
    const y = node.outputs[0];
    return [
      () => unbroadcast(mul(dy!, mul(b, pow(a, sub(b, 1)))), a.dims),
      () => unbroadcast(mul(dy!, mul(y, log(a))), b.dims),
    ];
  },
};

/**
 * Max/Min (two or more inputs) route dy to the inputs equal to the output; ties share it evenly
 * (like torch.maximum), so the input gradients always sum to dy.
 */
const minMax = (opType: 'Max' | 'Min'): GradRule => ({
  opType,
  grad: ({ node }, [dy]) => {
    const xs = node.inputs as Value[];
    const y = node.outputs[0];
    const share = lazy(() => {
      const masks = xs.map((x) => maskOf(equal(x, y), dy!));
      let count = masks[0];
      for (let i = 1; i < masks.length; i++) count = add(count, masks[i]);
      const perWinner = div(dy!, count);
      return masks.map((m) => mul(perWinner, m));
    });
    return xs.map((x, i) => () => unbroadcast(share()[i], x.dims));
  },
});

export const elementwiseGrads: GradRule[] = [addGrad, subGrad, mulGrad, divGrad, powGrad, minMax('Max'), minMax('Min')];
