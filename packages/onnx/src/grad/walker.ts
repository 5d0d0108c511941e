import { Tensor } from '@seg/tensor';
import type { GraphBuilder } from '../builder/graph-builder';
import type { NodeRecord } from '../builder/node';
import type { Value } from '../builder/value';
import { add } from '../ops';
import { isFloat, zerosLike } from './helpers';
import { getGradRule } from './registry';

export interface GradOptions {
  /** dLoss seed (same shape as `loss`); ones by default. */
  seed?: Value;
}

/** Runs `body` under the scope `grad/<a>/<b>` for a forward name `a/b` (deterministic names). */
function inGradScope<T>(b: GraphBuilder, forwardName: string, body: () => T): T {
  const parts = ['grad', ...forwardName.split('/').filter((p) => p.length > 0)];
  const run = (i: number): T => (i === parts.length ? body() : b.scope(parts[i], () => run(i + 1)));
  return run(0);
}

function elementCount(v: Value): number | null {
  let n = 1;
  for (const d of v.dims) { if (typeof d !== 'number') return null; n *= d; }
  return n;
}

/** Sums the contributions to one value's gradient in arrival order (a value used several times). */
function accumulate(parts: Value[]): Value {
  let s = parts[0];
  for (let i = 1; i < parts.length; i++) s = add(s, parts[i]);
  return s;
}

/**
 * Reverse-mode automatic differentiation emitting plain ONNX ops into `loss`'s builder.
 *
 * Walks, in reverse topological order, the nodes that lie between `wrt` and `loss`, asks each
 * node's backward rule (grad/registry.ts) for its input gradients, sums gradients of values used
 * several times, and gives integer inputs none. Backward nodes are named `grad/<forward node>/...`.
 * Returns dLoss/dWrt in `wrt` order: a zeros constant for a `wrt` the loss does not depend on.
 */
export function grad(loss: Value, wrt: readonly Value[], options: GradOptions = {}): Value[] {
  const b = loss.builder;
  // step 0: validate the request
  if (!isFloat(loss)) throw new Error(`grad: loss '${loss.name}' must be float32 or float64, got ${loss.dtype}`);
  const count = elementCount(loss);
  if (!options.seed && count !== 1) {
    throw new Error(`grad: loss '${loss.name}' must be a scalar (rank 0 or one element), got [${loss.dims.join(', ')}]; reduce it first or pass options.seed`);
  }
  for (const w of wrt) {
    if (w.builder !== b) throw new Error(`grad: wrt value '${w.name}' belongs to another graph builder than loss '${loss.name}'`);
    if (!isFloat(w)) throw new Error(`grad: wrt value '${w.name}' must be float32 or float64, got ${w.dtype}`);
  }
  if (options.seed) {
    const s = options.seed;
    if (s.builder !== b) throw new Error(`grad: seed '${s.name}' belongs to another graph builder`);
    if (s.dtype !== loss.dtype || s.dims.join() !== loss.dims.join()) {
      throw new Error(`grad: seed '${s.name}' must be ${loss.dtype}[${loss.dims.join(', ')}] like the loss, got ${s.dtype}[${s.dims.join(', ')}]`);
    }
  }

  // step 1: the forward graph as it is now (backward nodes get appended while we walk)
  const nodes: NodeRecord[] = b.nodes.slice();
  const producer = new Map<Value, number>();
  nodes.forEach((n, i) => n.outputs.forEach((o) => producer.set(o, i)));

  // step 2: values that depend on some wrt (float values only: integers carry no gradient)
  const live = new Set<Value>(wrt);
  for (const n of nodes) {
    if (n.inputs.some((v) => v !== null && live.has(v))) for (const o of n.outputs) if (isFloat(o)) live.add(o);
  }

  // step 3: seed dLoss/dLoss
  const grads = new Map<Value, Value[]>();
  // Each value's contributions are summed once, when first needed: all consumers of a value come
  // after its producer, so by then every contribution has arrived.
  const summed = new Map<Value, Value>();
  const total = (v: Value): Value | null => {
    const hit = summed.get(v);
    if (hit) return hit;
    const parts = grads.get(v);
    if (!parts) return null;
    const s = accumulate(parts);
    summed.set(v, s);
    return s;
  };
  const seed = options.seed ?? inGradScope(b, 'seed', () => b.constant(onesTensor(loss)));
  if (live.has(loss)) grads.set(loss, [seed]);

  // step 4: reverse topological walk over nodes between wrt and loss
  const lossIndex = producer.get(loss) ?? -1;
  for (let i = lossIndex; i >= 0; i--) {
    const node = nodes[i];
    if (!node.outputs.some((o) => grads.has(o))) continue;
    const needsGrad = node.inputs.map((v) => v !== null && live.has(v) && isFloat(v));
    if (!needsGrad.some(Boolean)) continue;
    const rule = getGradRule(node.opType, node.domain);
    if (!rule) {
      throw new Error(`no gradient rule for op '${node.domain ? `${node.domain}.` : ''}${node.opType}' (node '${node.name}')`);
    }
    inGradScope(b, node.name, () => {
      const dOutputs = node.outputs.map(total);
      const lazyGrads = rule.grad({ builder: b, node, needsGrad }, dOutputs);
      node.inputs.forEach((input, k) => {
        if (!input || !needsGrad[k]) return;
        const f = lazyGrads[k];
        const g = f ? f() : null;
        if (!g) return;
        if (g.dtype !== input.dtype || g.dims.join() !== input.dims.join()) {
          throw new Error(`gradient rule for '${node.opType}' (node '${node.name}') returned ${g.dtype}[${g.dims.join(', ')}] for input ${k} '${input.name}' of ${input.dtype}[${input.dims.join(', ')}]`);
        }
        const list = grads.get(input);
        if (list) list.push(g); else grads.set(input, [g]);
      });
    });
  }

  // step 5: results in wrt order (the same value asked twice gets the same gradient)
  return wrt.map((w) => inGradScope(b, w.name, () => total(w) ?? zerosLike(w)));
}

function onesTensor(v: Value): Tensor {
  const t = new Tensor(v.dtype, v.shape);
  (t.data as Float32Array).fill(1);
  return t;
}
