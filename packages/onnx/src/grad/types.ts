import type { GraphBuilder } from '../builder/graph-builder';
import type { NodeRecord } from '../builder/node';
import type { Value } from '../builder/value';

/** What a backward rule sees of one forward node. */
export interface GradContext {
  readonly builder: GraphBuilder;
  /** The forward node: its inputs, outputs and attributes. */
  readonly node: NodeRecord;
  /** needsGrad[i]: input i lies on a path from a `wrt` value, so its gradient will be asked for. */
  readonly needsGrad: readonly boolean[];
}

/**
 * An input gradient, computed lazily: the walker calls it only when that input needs a gradient,
 * so a rule never emits nodes for inputs nobody differentiates (e.g. Conv dX for the image).
 * `null` means the input gets no gradient (integer indices, shapes, axes, non-differentiable args).
 */
export type LazyGrad = (() => Value | null) | null;

/**
 * A backward rule in the tfjs/tinygrad style: given the forward node and the gradients of its
 * outputs (null for outputs the loss does not depend on; at least one is non-null), return one
 * entry per forward input. Gradients of broadcast inputs must be reduced to the input's shape.
 */
export interface GradRule {
  opType: string;
  domain?: string;
  grad(ctx: GradContext, dOutputs: readonly (Value | null)[]): readonly LazyGrad[];
}
