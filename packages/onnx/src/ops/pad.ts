import { attrString } from '../builder/attributes';
import type { OpSchema } from '../builder/op-schema';
import type { Dim, Value } from '../builder/value';
import { constInts, fmtDims, need, one } from './infer';

export type PadMode = 'constant' | 'reflect' | 'edge' | 'wrap';

/** ONNX Pad (opset 13+: pads and constant_value as inputs). Negative pads crop. */
export const padSchema: OpSchema = {
  opType: 'Pad',
  infer([xv, pv, cv, av], attrs, opset) {
    const x = need(xv, 'data');
    const mode = attrString(attrs, 'mode', 'constant');
    if (!['constant', 'reflect', 'edge', 'wrap'].includes(mode)) throw new Error(`mode '${mode}' is not one of constant, reflect, edge, wrap`);
    if (mode === 'wrap' && opset < 19) throw new Error(`mode 'wrap' needs opset >= 19, the builder is at ${opset}`);
    if (av) throw new Error('the axes input (opset 18) is not emitted by seg; give pads for every axis');
    const p = need(pv, 'pads');
    if (p.dtype !== 'int64') throw new Error(`pads must be int64, got ${p.dtype}`);
    if (cv && (cv.dtype !== x.dtype || cv.rank > 1)) throw new Error(`constant_value must be a scalar of X's dtype ${x.dtype}, got ${cv.dtype}${fmtDims(cv.dims)}`);
    const pads = constInts(p);
    if (!pads) return one(x.dtype, x.dims.map((d) => `pad(${d})`));
    const n = x.rank;
    if (pads.length !== 2 * n) throw new Error(`pads needs ${2 * n} values ([begin..., end...] for rank ${n}), got [${pads}]`);
    return one(x.dtype, x.dims.map((d, i): Dim => {
      const lo = pads[i]; const hi = pads[i + n];
      if (typeof d !== 'number') return lo === 0 && hi === 0 ? d : `${d}+${lo + hi}`;
      if (mode === 'reflect' && (lo >= d || hi >= d)) throw new Error(`reflect padding [${lo}, ${hi}] on axis ${i} must be smaller than its size ${d}`);
      if (d + lo + hi < 0) throw new Error(`pads [${lo}, ${hi}] crop axis ${i} of size ${d} below zero`);
      return d + lo + hi;
    }));
  },
};

/**
 * Pads x; `pads` is [begin_0, ..., begin_{r-1}, end_0, ..., end_{r-1}] (ONNX order). For a
 * spatial-only pad of NCHW use padSpatial.
 */
export function pad(x: Value, pads: readonly number[], o: { mode?: PadMode; value?: number } = {}): Value {
  const b = x.builder;
  const mode = o.mode ?? 'constant';
  const inputs: (Value | null)[] = [x, b.ints(pads)];
  if (mode === 'constant' && o.value !== undefined && o.value !== 0) inputs.push(b.scalar(o.value, x.dtype));
  return b.node1('Pad', inputs, { mode });
}

/** Pads the trailing spatial axes of [N, C, ...]: `spatial` is [begin..., end...] of those axes. */
export function padSpatial(x: Value, spatial: readonly number[], o: { mode?: PadMode; value?: number } = {}): Value {
  const n = spatial.length / 2;
  const lead = x.rank - n;
  if (!Number.isInteger(n) || lead < 0) throw new Error(`padSpatial: ${spatial.length} pads for ${fmtDims(x.dims)}`);
  const z = new Array(lead).fill(0);
  return pad(x, [...z, ...spatial.slice(0, n), ...z, ...spatial.slice(n)], o);
}
