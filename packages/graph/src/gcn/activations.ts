import { op, Value } from '@seg/onnx';

/** Activations a GCN can apply between layers, by name (one explicit list). */
const ACTIVATIONS = {
  relu: (x: Value) => op.relu(x),
  leakyRelu: (x: Value) => op.leakyRelu(x, 0.01),
  elu: (x: Value) => x.builder.node1('Elu', [x]),
  tanh: (x: Value) => op.tanh(x),
  sigmoid: (x: Value) => op.sigmoid(x),
  none: (x: Value) => x,
} satisfies Record<string, (x: Value) => Value>;

export type ActivationName = keyof typeof ACTIVATIONS;

export function activation(name: ActivationName): (x: Value) => Value {
  const f = (ACTIVATIONS as Record<string, (x: Value) => Value>)[name];
  if (!f) throw new Error(`unknown GCN activation '${String(name)}'; expected one of ${Object.keys(ACTIVATIONS).join(', ')}`);
  return f;
}

export const activationNames = (): ActivationName[] => Object.keys(ACTIVATIONS) as ActivationName[];
