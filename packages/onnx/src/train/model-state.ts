import type { GraphBuilder } from '../builder/graph-builder';
import type { Value } from '../builder/value';

/**
 * Model state: non-trainable parameters that training changes without gradients, such as
 * BatchNormalization running statistics. The GraphBuilder only knows parameters; this small
 * per-builder registry adds two facts to it:
 *  - whether the graph is being built for training (`setTrainingMode`), which layers like batch
 *    norm read to choose batch or running statistics;
 *  - which non-trainable parameters are state (`declareState`) and, in a training graph, the
 *    value each takes after the step. buildTrainingStep feeds every state parameter as an input
 *    and returns its next value as the output `<name>.new`.
 */
interface StateRegistry {
  training: boolean;
  /** State parameter name -> its next value in this graph (null in inference graphs). */
  state: Map<string, Value | null>;
}

const registries = new WeakMap<GraphBuilder, StateRegistry>();

function registry(b: GraphBuilder): StateRegistry {
  let r = registries.get(b);
  if (!r) { r = { training: false, state: new Map() }; registries.set(b, r); }
  return r;
}

/** Marks a builder's graph as a training graph (batch statistics, state updates) or not. */
export function setTrainingMode(b: GraphBuilder, training = true): void {
  registry(b).training = training;
}

/** Whether layers should emit their training-time form in this builder (false by default). */
export function isTrainingMode(b: GraphBuilder): boolean {
  return registries.get(b)?.training ?? false;
}

/**
 * Declares `param` (a non-trainable parameter of its builder) as model state; in a training graph
 * `next` is its value after the step (e.g. BatchNormalization's updated running mean).
 */
export function declareState(param: Value, next?: Value): void {
  const b = param.builder;
  const p = b.parameters.get(param.name);
  if (!p || p.value !== param) throw new Error(`declareState: '${param.name}' is not a parameter of its builder (create it with builder.param)`);
  if (p.trainable) throw new Error(`declareState: parameter '${param.name}' is trainable; state must be created with { trainable: false }`);
  const r = registry(b);
  if (r.state.get(param.name)) throw new Error(`declareState: state '${param.name}' already has an update in this graph`);
  if (next) {
    if (next.builder !== b) throw new Error(`declareState: the next value of '${param.name}' belongs to another builder`);
    if (next.dtype !== param.dtype || next.dims.join() !== param.dims.join()) {
      throw new Error(`declareState: next value of '${param.name}' must be ${param.dtype}[${param.dims.join(', ')}], got ${next.dtype}[${next.dims.join(', ')}]`);
    }
  }
  r.state.set(param.name, next ?? r.state.get(param.name) ?? null);
}

/** Every declared state parameter of a builder with its next value (null when not updated). */
export function modelState(b: GraphBuilder): ReadonlyMap<string, Value | null> {
  return registries.get(b)?.state ?? new Map();
}
