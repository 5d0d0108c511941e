import type { Attributes } from './attributes';
import type { Value, TypeInfo } from './value';

/**
 * What the builder knows of an op type: how to infer its outputs' dtypes and shapes from its
 * inputs and attributes. Inference throws plain messages; the builder prefixes the node name.
 */
export interface OpSchema {
  opType: string;
  domain?: string;
  /** Lowest opset at which seg's emitted form of the op is valid. */
  sinceOpset?: number;
  infer(inputs: (Value | null)[], attrs: Attributes, opset: number): TypeInfo[];
}
