import type { Attributes } from './attributes';
import type { Value } from './value';

/** One emitted ONNX node. Missing optional inputs are `null` (written as the empty name). */
export interface NodeRecord {
  name: string;
  opType: string;
  domain: string;
  inputs: (Value | null)[];
  outputs: Value[];
  attributes: Attributes;
}
