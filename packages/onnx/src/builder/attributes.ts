import type { Tensor } from '@seg/tensor';

/** ONNX node attribute values as seg writes them; arrays of numbers are INTS unless marked floats. */
export type AttributeValue = number | string | number[] | string[] | Tensor | FloatAttr | FloatsAttr;
export interface FloatAttr { kind: 'float'; value: number }
export interface FloatsAttr { kind: 'floats'; value: number[] }
export type Attributes = Record<string, AttributeValue | undefined>;

/** Marks a number as an ONNX FLOAT attribute (plain numbers are written as INT when integral). */
export const float = (value: number): FloatAttr => ({ kind: 'float', value });
export const floats = (value: number[]): FloatsAttr => ({ kind: 'floats', value });

export function attrNumber(attrs: Attributes, name: string, fallback: number): number {
  const v = attrs[name];
  if (v === undefined) return fallback;
  if (typeof v === 'number') return v;
  if (typeof v === 'object' && 'kind' in v && v.kind === 'float') return v.value;
  throw new Error(`attribute '${name}' should be a number`);
}

export function attrInts(attrs: Attributes, name: string, fallback: number[] | null): number[] | null {
  const v = attrs[name];
  if (v === undefined) return fallback;
  if (Array.isArray(v) && v.every((x) => typeof x === 'number')) return v as number[];
  throw new Error(`attribute '${name}' should be a list of integers`);
}

export function attrString(attrs: Attributes, name: string, fallback: string): string {
  const v = attrs[name];
  if (v === undefined) return fallback;
  if (typeof v === 'string') return v;
  throw new Error(`attribute '${name}' should be a string`);
}
