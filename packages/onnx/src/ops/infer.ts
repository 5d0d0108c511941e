import { DType } from '@seg/tensor';
import type { Dim, TypeInfo, Value } from '../builder/value';

/** Helpers shared by the ops' shape-inference functions. Messages are completed with the node name. */

export function need(v: Value | null | undefined, what: string): Value {
  if (!v) throw new Error(`missing required input '${what}'`);
  return v;
}

export function sameDtype(values: (Value | null)[], what = 'inputs'): DType {
  const present = values.filter((v): v is Value => !!v);
  const d = present[0].dtype;
  for (const v of present) if (v.dtype !== d) throw new Error(`${what} must share one dtype, got ${present.map((x) => `${x.name}: ${x.dtype}`).join(', ')}`);
  return d;
}

export function requireFloat(v: Value, what: string): void {
  if (v.dtype !== 'float32' && v.dtype !== 'float64') throw new Error(`${what} must be float32 or float64, got ${v.dtype} ('${v.name}')`);
}

export function requireRank(v: Value, rank: number | number[], what: string): void {
  const ok = Array.isArray(rank) ? rank.includes(v.rank) : v.rank === rank;
  if (!ok) throw new Error(`${what} must have rank ${Array.isArray(rank) ? rank.join(' or ') : rank}, got [${v.dims.join(', ')}] ('${v.name}')`);
}

/** Multidirectional (numpy) broadcasting with symbolic dims. */
export function broadcastDims(...shapes: (readonly Dim[])[]): Dim[] {
  const n = Math.max(...shapes.map((s) => s.length));
  const out: Dim[] = [];
  for (let i = 0; i < n; i++) {
    let d: Dim = 1;
    for (const s of shapes) {
      const e = s[s.length - n + i] ?? 1;
      if (e === 1) continue;
      if (d === 1) { d = e; continue; }
      if (typeof d === 'number' && typeof e === 'number' && d !== e) {
        throw new Error(`shapes ${shapes.map((x) => `[${x.join(', ')}]`).join(' and ')} do not broadcast at axis ${i}`);
      }
      if (typeof d === 'string' && typeof e === 'number') d = e;
    }
    out.push(d);
  }
  return out;
}

export function normAxis(axis: number, rank: number, what = 'axis'): number {
  const a = axis < 0 ? axis + rank : axis;
  if (!Number.isInteger(a) || a < 0 || a >= rank) throw new Error(`${what} ${axis} is out of range for rank ${rank}`);
  return a;
}

export const one = (dtype: DType, dims: readonly Dim[]): TypeInfo[] => [{ dtype, dims }];

/** Constant integer contents of a value (for shape, axes and pads inputs), or undefined. */
export function constInts(v: Value | null): number[] | undefined {
  if (!v) return undefined;
  const t = v.builder.constantOf(v);
  return t ? t.toArray() : undefined;
}

/** Output size of a sliding window along one axis (Conv/Pool arithmetic, floor or ceil). */
export function windowOut(size: Dim, kernel: number, stride: number, padBegin: number, padEnd: number, dilation: number, ceil = false): Dim {
  if (typeof size !== 'number') return `${size}'`;
  const eff = (kernel - 1) * dilation + 1;
  const span = size + padBegin + padEnd - eff;
  if (span < 0) throw new Error(`window of ${eff} (kernel ${kernel}, dilation ${dilation}) exceeds padded size ${size + padBegin + padEnd}`);
  let out = (ceil ? Math.ceil(span / stride) : Math.floor(span / stride)) + 1;
  // ONNX: with ceil_mode, the last window must start inside the input or left padding.
  if (ceil && (out - 1) * stride >= size + padBegin) out -= 1;
  return out;
}

/** Resolves auto_pad SAME_UPPER/SAME_LOWER/VALID/NOTSET into explicit pads. */
export function resolvePads(autoPad: string, pads: number[] | null, spatial: readonly Dim[], kernel: number[], strides: number[], dilations: number[]): number[] {
  const n = kernel.length;
  if (autoPad === 'NOTSET' || autoPad === '') {
    const p = pads ?? new Array(2 * n).fill(0);
    if (p.length !== 2 * n) throw new Error(`pads needs ${2 * n} values, got ${p.length}`);
    return p;
  }
  if (autoPad === 'VALID') return new Array(2 * n).fill(0);
  const out = new Array(2 * n).fill(0);
  for (let i = 0; i < n; i++) {
    const s = spatial[i];
    if (typeof s !== 'number') throw new Error(`auto_pad ${autoPad} needs static spatial sizes`);
    const o = Math.ceil(s / strides[i]);
    const total = Math.max(0, (o - 1) * strides[i] + (kernel[i] - 1) * dilations[i] + 1 - s);
    const small = Math.floor(total / 2);
    out[i] = autoPad === 'SAME_UPPER' ? small : total - small;
    out[i + n] = total - out[i];
  }
  return out;
}

export function requireInt(v: Value, what: string): void {
  if (v.dtype !== 'int32' && v.dtype !== 'int64') throw new Error(`${what} must be int32 or int64, got ${v.dtype} ('${v.name}')`);
}

/** Product of dims, symbolic ('a*b') when any factor is symbolic. */
export const prodDims = (dims: readonly Dim[]): Dim => dims.reduce<Dim>((a, d) => (typeof a === 'number' && typeof d === 'number' ? a * d : `${a}*${d}`), 1);

export const fmtDims = (dims: readonly Dim[]): string => `[${dims.join(', ')}]`;

/**
 * Values produced by `op.shape(x)` remember the (possibly symbolic) dims they hold, so that
 * Expand/Reshape/ConstantOfShape fed by a Shape node still get exact static inference.
 */
const shapeContents = new WeakMap<Value, readonly Dim[]>();

export function recordShapeContents(v: Value, dims: readonly Dim[]): void {
  shapeContents.set(v, dims);
}

/** Contents of a 1-D shape-like int64 input: from a constant, a recorded Shape output, or undefined. */
export function shapeInput(v: Value | null): readonly Dim[] | undefined {
  if (!v) return undefined;
  return constInts(v) ?? shapeContents.get(v);
}

/** A fresh symbolic dim derived deterministically from a value name (no global counters). */
export const symbolic = (tag: string, v: Value): string => `${tag}(${v.name})`;
