import type { Value } from '../builder/value';
import { clip, leakyRelu, relu, sigmoid } from '../ops/unary';

export type Activation = 'relu' | 'leaky_relu' | 'relu6' | 'sigmoid' | 'none';
export const ACTIVATIONS: readonly Activation[] = ['relu', 'leaky_relu', 'relu6', 'sigmoid', 'none'];

/** Applies a named activation; leaky_relu uses `slope` (0.01 by default, PyTorch's). */
export function activation(x: Value, act: Activation, slope = 0.01): Value {
  switch (act) {
    case 'relu': return relu(x);
    case 'leaky_relu': return leakyRelu(x, slope);
    case 'relu6': return clip(x, 0, 6);
    case 'sigmoid': return sigmoid(x);
    case 'none': return x;
    default: throw new Error(`unknown activation '${String(act)}'; expected one of ${ACTIVATIONS.join(', ')}`);
  }
}
