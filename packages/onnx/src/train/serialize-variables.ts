import type { GraphBuilder } from '../builder/graph-builder';
import { encodeModel, SerializeOptions, toModelProto, valueInfo } from '../proto/serialize';
import { modelState } from './model-state';

/**
 * Serialises a graph whose trainable parameters AND declared model state (e.g. batch-norm
 * running statistics) are graph inputs, so that everything training changes can be fed each
 * run. Used for step graphs and for evaluation graphs that take the current weights as feeds.
 */
export function serializeWithVariables(b: GraphBuilder, options: Omit<SerializeOptions, 'parameters'> = {}): Uint8Array {
  const model = toModelProto(b, { ...options, parameters: 'inputs' });
  const graph = model.graph!;
  const state = new Set(modelState(b).keys());
  // toModelProto wrote non-trainable parameters as initializers; state moves to the inputs.
  graph.initializer = (graph.initializer ?? []).filter((t) => !state.has(t.name ?? ''));
  for (const name of state) graph.input!.push(valueInfo(b.parameters.get(name)!.value));
  return encodeModel(model);
}

/** Names of the values `serializeWithVariables` turns into inputs: trainable parameters, then state. */
export function variableNames(b: GraphBuilder): string[] {
  return [...b.trainableParameters().map((p) => p.value.name), ...modelState(b).keys()];
}
