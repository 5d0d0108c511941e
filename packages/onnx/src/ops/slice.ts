import type { OpSchema } from '../builder/op-schema';
import type { Dim, Value } from '../builder/value';
import { constInts, fmtDims, need, normAxis, one, requireInt } from './infer';

/** Stands for "to the end" in starts/ends (the largest integer int64 and doubles agree on). */
export const SLICE_END = Number.MAX_SAFE_INTEGER;

/** Length of x[start:end:step] along an axis of size `dim`, with ONNX's clamping rules. */
export function sliceLength(dim: number, start: number, end: number, step: number): number {
  let s = start < 0 ? start + dim : start;
  let e = end < 0 ? end + dim : end;
  if (step > 0) {
    s = Math.min(Math.max(s, 0), dim);
    e = Math.min(Math.max(e, 0), dim);
  } else {
    s = Math.min(Math.max(s, 0), dim - 1);
    e = Math.min(Math.max(e, -1), dim - 1);
  }
  return Math.max(0, Math.ceil((e - s) / step));
}

/** ONNX Slice with starts/ends/axes/steps as inputs; shapes are static when those are constants. */
export const sliceSchema: OpSchema = {
  opType: 'Slice',
  infer([xv, sv, ev, av, stv]) {
    const x = need(xv, 'data');
    const ins = [need(sv, 'starts'), need(ev, 'ends'), av, stv];
    ins.forEach((v, i) => { if (v) requireInt(v, ['starts', 'ends', 'axes', 'steps'][i]); });
    const starts = constInts(ins[0]);
    const ends = constInts(ins[1]);
    const axes = av ? constInts(av) : starts?.map((_, i) => i);
    const steps = stv ? constInts(stv) : starts?.map(() => 1);
    if (!starts || !ends || !axes || !steps) {
      // Dynamic bounds: only the sliced axes' sizes are unknown, and those are only known if axes is.
      const known = axes?.map((a) => normAxis(a, x.rank));
      return one(x.dtype, x.dims.map((d, i) => (known && !known.includes(i) ? d : `slice(${d})`)));
    }
    const k = starts.length;
    if (ends.length !== k || axes.length !== k || steps.length !== k) {
      throw new Error(`starts, ends, axes and steps need equal lengths, got ${k}, ${ends.length}, ${axes.length}, ${steps.length}`);
    }
    const dims = [...x.dims];
    const seen = new Set<number>();
    for (let i = 0; i < k; i++) {
      const a = normAxis(axes[i], x.rank, 'axes entry');
      if (seen.has(a)) throw new Error(`axis ${a} appears twice in axes [${axes}]`);
      seen.add(a);
      if (steps[i] === 0) throw new Error(`steps[${i}] is 0`);
      const d = x.dims[a];
      if (typeof d === 'number') dims[a] = sliceLength(d, starts[i], ends[i], steps[i]);
      else if (steps[i] === 1 && starts[i] === 0 && ends[i] >= SLICE_END) dims[a] = d;
      else dims[a] = `slice(${d},${starts[i]}:${ends[i]}:${steps[i]})`;
    }
    return one(x.dtype, dims as Dim[]);
  },
};

const toInt = (v: number): number => (v === Infinity ? SLICE_END : v === -Infinity ? -SLICE_END : v);

/**
 * x[starts:ends:steps] along `axes` (all leading axes by default). Infinity / -Infinity in
 * ends mean "through the end" for positive / negative steps.
 */
export function slice(x: Value, starts: readonly number[], ends: readonly number[], axes?: readonly number[], steps?: readonly number[]): Value {
  const b = x.builder;
  if (starts.length !== ends.length) throw new Error(`slice: ${starts.length} starts but ${ends.length} ends on ${fmtDims(x.dims)}`);
  const inputs: (Value | null)[] = [x, b.ints(starts.map(toInt)), b.ints(ends.map(toInt))];
  if (axes || steps) inputs.push(b.ints(axes ?? starts.map((_, i) => i)));
  if (steps) inputs.push(b.ints(steps));
  return b.node1('Slice', inputs);
}

/** Slice with runtime-computed bounds (int64 1-D values). */
export function sliceDynamic(x: Value, starts: Value, ends: Value, axes?: Value, steps?: Value): Value {
  const inputs: (Value | null)[] = [x, starts, ends];
  if (axes || steps) inputs.push(axes ?? null);
  if (steps) inputs.push(steps);
  return x.builder.node1('Slice', inputs);
}
