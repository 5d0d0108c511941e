import type { Tensor } from '@seg/tensor';
import type { GraphBuilder } from '../builder/graph-builder';
import { serializeModel } from '../proto/serialize';
import { variableNames } from './serialize-variables';

/**
 * The inference model with trained values baked in as initializers (so onnxruntime can prepack
 * weights). `values` maps parameter names to tensors, e.g. a trainer's parameters and state;
 * extra entries (optimizer state) are ignored. Every trainable parameter and declared state of
 * the inference builder must be present: a missing one means the training and inference graphs
 * were built with different names.
 */
export function exportInferenceModel(b: GraphBuilder, values: ReadonlyMap<string, Tensor>, options: { docString?: string } = {}): Uint8Array {
  const missing = variableNames(b).filter((n) => !values.has(n));
  if (missing.length) {
    throw new Error(`exportInferenceModel: no trained value for ${missing.slice(0, 5).map((n) => `'${n}'`).join(', ')}${missing.length > 5 ? ` and ${missing.length - 5} more` : ''}; were the graphs built with the same names?`);
  }
  const parameterValues = new Map<string, Tensor>();
  for (const name of b.parameters.keys()) { const v = values.get(name); if (v) parameterValues.set(name, v); }
  return serializeModel(b, { parameters: 'initializers', parameterValues, docString: options.docString });
}
