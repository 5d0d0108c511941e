import { Tensor } from '@seg/tensor';
import { attrInts, attrNumber, attrString } from '../../builder/attributes';
import type { NodeRecord } from '../../builder/node';
import type { Value } from '../../builder/value';
import { constInts } from '../../ops/infer';
import { add, reduceSum, squeeze, sub, transpose, unsqueeze } from '../../ops';
import { lazy, normAxis, reshapeLike, staticDims, unbroadcast, zerosLike, zerosOf } from '../helpers';
import type { GradRule } from '../types';

/** Backward rules of ops that move elements without arithmetic: the gradient moves back. */

const x0 = (n: NodeRecord): Value => n.inputs[0] as Value;


/** Slice along one axis with step 1 (emitted in ONNX's input form). */
function slice1(v: Value, axis: number, start: number, end: number, step = 1): Value {
  const b = v.builder;
  return b.node1('Slice', [v, b.ints([start]), b.ints([end]), b.ints([axis]), b.ints([step])]);
}

/** Constant-zero Pad of `v` by [begin..., end...] (all axes). */
function zeroPad(v: Value, pads: number[]): Value {
  if (pads.every((p) => p === 0)) return v;
  return v.builder.node1('Pad', [v, v.builder.ints(pads)], { mode: 'constant' });
}

/** Elements x[start:end:step] of an axis of size dim, with ONNX's clamping (the indices taken). */
export function sliceIndices(dim: number, start: number, end: number, step: number): number[] {
  let s = start < 0 ? start + dim : start;
  let e = end < 0 ? end + dim : end;
  if (step > 0) { s = Math.min(Math.max(s, 0), dim); e = Math.min(Math.max(e, 0), dim); } else { s = Math.min(Math.max(s, 0), dim - 1); e = Math.min(Math.max(e, -1), dim - 1); }
  const out: number[] = [];
  for (let k = s; step > 0 ? k < e : k > e; k += step) out.push(k);
  return out;
}

/**
 * Slice: dy goes back to the sliced positions, zeros elsewhere. Step-1 axes become one zero Pad;
 * an axis with another step scatters along that axis (ScatterElements into zeros).
 */
const sliceGrad: GradRule = {
  opType: 'Slice',
  grad: ({ node }, [dy]) => [() => {
    const x = x0(node);
    const [, sv, ev, av, stv] = node.inputs;
    const starts = constInts(sv ?? null);
    const ends = constInts(ev ?? null);
    const axes = av ? constInts(av) : starts?.map((_, i) => i);
    const steps = stv ? constInts(stv) : starts?.map(() => 1);
    if (!starts || !ends || !axes || !steps) throw new Error(`gradient of '${node.name}' needs constant starts/ends/axes/steps`);
    const dims = staticDims(x, `gradient of '${node.name}'`);
    const pads = new Array(2 * x.rank).fill(0);
    let g = dy!;
    const strided: { axis: number; idx: number[] }[] = [];
    axes.forEach((a0, i) => {
      const a = normAxis(a0, x.rank);
      const idx = sliceIndices(dims[a], starts[i], ends[i], steps[i]);
      if (steps[i] === 1) { pads[a] = idx.length ? idx[0] : 0; pads[a + x.rank] = dims[a] - pads[a] - idx.length; } else strided.push({ axis: a, idx });
    });
    // strided axes first: each scatter grows one axis from its sliced length to the full size
    for (const { axis, idx } of strided) g = scatterAxis(g, axis, idx, dims[axis]);
    return zeroPad(g, pads);
  }, null, null, null, null],
};

/** out has size `dim` along `axis`; out[idx[k]] = g[k] (distinct idx), zeros elsewhere. */
function scatterAxis(g: Value, axis: number, idx: number[], dim: number): Value {
  const b = g.builder;
  const gd = staticDims(g, 'a strided slice gradient');
  const outDims = gd.map((d, i) => (i === axis ? dim : d));
  const ishape = gd.map((_, i) => (i === axis ? idx.length : 1));
  const indices = b.constant(Tensor.fromArray('int64', ishape, idx.map((v) => BigInt(v))));
  const full = b.node1('Expand', [indices, b.ints(gd)]);
  return b.node1('ScatterElements', [zerosOf(g.dtype, outDims, b), full, g], { axis });
}

/** Concat: one Split of dy into the inputs' extents along the axis. */
const concatGrad: GradRule = {
  opType: 'Concat',
  grad: ({ node, builder }, [dy]) => {
    const axis = normAxis(attrNumber(node.attributes, 'axis', 0), dy!.rank);
    const sizes = node.inputs.map((v) => {
      const d = (v as Value).dims[axis];
      if (typeof d !== 'number') throw new Error(`gradient of '${node.name}' needs static sizes on the concat axis, got '${d}'`);
      return d;
    });
    const parts = lazy(() => (node.inputs.length === 1 ? [dy!] : builder.node('Split', [dy!, builder.ints(sizes)], { axis })));
    return node.inputs.map((_, i) => () => parts()[i]);
  },
};

/** Split: concatenate the outputs' gradients, zeros for outputs the loss does not use. */
const splitGrad: GradRule = {
  opType: 'Split',
  grad: ({ node, builder }, dys) => [() => {
    const axis = normAxis(attrNumber(node.attributes, 'axis', 0), x0(node).rank);
    const parts = node.outputs.map((o, i) => dys[i] ?? zerosLike(o));
    return parts.length === 1 ? parts[0] : builder.node1('Concat', parts, { axis });
  }, null],
};

const transposeGrad: GradRule = {
  opType: 'Transpose',
  grad: ({ node }, [dy]) => [() => {
    const x = x0(node);
    const perm = attrInts(node.attributes, 'perm', null) ?? x.dims.map((_, i) => x.rank - 1 - i);
    const inv = new Array<number>(perm.length);
    perm.forEach((p, i) => { inv[p] = i; });
    return transpose(dy!, inv);
  }],
};

const squeezeGrad: GradRule = {
  opType: 'Squeeze',
  grad: ({ node }, [dy]) => [() => {
    const x = x0(node);
    const av = node.inputs[1];
    const axes = av ? constInts(av) : x.dims.map((d, i) => (d === 1 ? i : -1)).filter((i) => i >= 0);
    if (!axes) throw new Error(`gradient of '${node.name}' needs constant axes`);
    return axes.length ? unsqueeze(dy!, axes.map((a) => normAxis(a, x.rank))) : dy!;
  }, null],
};

const unsqueezeGrad: GradRule = {
  opType: 'Unsqueeze',
  grad: ({ node }, [dy]) => [() => {
    const axes = constInts(node.inputs[1] ?? null);
    if (!axes) throw new Error(`gradient of '${node.name}' needs constant axes`);
    return squeeze(dy!, axes.map((a) => normAxis(a, dy!.rank)));
  }, null],
};

/** Expand broadcasts like numpy: sum back over the broadcast axes. */
const expandGrad: GradRule = {
  opType: 'Expand',
  grad: ({ node }, [dy]) => [() => unbroadcast(dy!, x0(node).dims), null],
};

/** Tile: view dy as [r0, d0, r1, d1, ...] and sum over the repeat axes. */
const tileGrad: GradRule = {
  opType: 'Tile',
  grad: ({ node, builder }, [dy]) => [() => {
    const x = x0(node);
    const reps = constInts(node.inputs[1] ?? null);
    if (!reps) throw new Error(`gradient of '${node.name}' needs constant repeats`);
    const dims = staticDims(x, `gradient of '${node.name}'`);
    if (reps.every((r) => r === 1)) return dy!;
    const view = builder.node1('Reshape', [dy!, builder.ints(dims.flatMap((d, i) => [reps[i], d]))]);
    return reduceSum(view, dims.map((_, i) => 2 * i), false);
  }, null],
};

/**
 * Pad: the gradient of the kept part is dy cropped back (and zero-padded where the pad cropped).
 * reflect/edge/wrap also send the padded border's gradient to the elements it copied.
 */
const padGrad: GradRule = {
  opType: 'Pad',
  grad: ({ node }, [dy]) => {
    const x = x0(node);
    const pads = constInts(node.inputs[1] ?? null);
    if (node.inputs[3]) throw new Error(`gradient of '${node.name}': Pad with an axes input is not supported`);
    const mode = attrString(node.attributes, 'mode', 'constant');
    const core = lazy(() => {
      if (!pads) throw new Error(`gradient of '${node.name}' needs constant pads`);
      return padBack(dy!, x, pads, mode);
    });
    return [
      core,
      null,
      // constant_value fills the padded cells: its gradient is the sum of dy there
      node.inputs[2] && mode === 'constant' ? () => reshapeTo(sub(reduceSum(dy!), reduceSum(core())), node.inputs[2] as Value) : null,
      null,
    ];
  },
};

function reshapeTo(v: Value, like: Value): Value {
  return like.rank === v.rank ? v : v.builder.node1('Reshape', [v, v.builder.ints(like.shape)]);
}

function padBack(dy: Value, x: Value, pads: number[], mode: string): Value {
  const n = x.rank;
  const dims = staticDims(x, 'the gradient of Pad');
  let g = dy;
  // axis by axis: fold the border into the kept part, then crop
  for (let a = 0; a < n; a++) {
    const lo = pads[a]; const hi = pads[a + n];
    if (lo === 0 && hi === 0) continue;
    const d = dims[a];
    const len = staticDims(g, 'the gradient of Pad')[a];
    // kept part: x's elements that survived a negative (cropping) pad
    const keptLo = Math.max(-lo, 0); const keptHi = d - Math.max(-hi, 0);
    const bLo = Math.max(lo, 0); const bHi = Math.max(hi, 0);
    let kept = slice1(g, a, bLo, len - bHi);
    if (mode !== 'constant' && (bLo > 0 || bHi > 0)) {
      if (keptLo > 0 || keptHi < d) throw new Error(`gradient of Pad: mode '${mode}' with negative pads is not supported`);
      if (bLo > d || bHi > d) throw new Error(`gradient of Pad: mode '${mode}' with pads [${lo}, ${hi}] larger than axis ${a} (${d}) is not supported`);
      const zero = new Array(2 * n).fill(0);
      const place = (v: Value, begin: number): Value => {
        const p = [...zero];
        p[a] = begin; p[a + n] = d - begin - staticDims(v, 'Pad')[a];
        return zeroPad(v, p);
      };
      if (bLo > 0) {
        const border = slice1(g, a, 0, bLo);
        if (mode === 'edge') kept = add(kept, place(reduceSum(border, [a], true), 0));
        // reflect: padded cell j (0..lo-1) copies x[lo - j]: reversed border lands on x[1..lo]
        else if (mode === 'reflect') kept = add(kept, place(slice1(border, a, bLo - 1, -Number.MAX_SAFE_INTEGER, -1), 1));
        // wrap: padded cell j copies x[d - lo + j]
        else if (mode === 'wrap') kept = add(kept, place(border, d - bLo));
      }
      if (bHi > 0) {
        const border = slice1(g, a, len - bHi, len);
        if (mode === 'edge') kept = add(kept, place(reduceSum(border, [a], true), d - 1));
        // reflect: padded cell j copies x[d - 2 - j]: reversed border lands on x[d-1-hi..d-2]
        else if (mode === 'reflect') kept = add(kept, place(slice1(border, a, bHi - 1, -Number.MAX_SAFE_INTEGER, -1), d - 1 - bHi));
        else if (mode === 'wrap') kept = add(kept, place(border, 0));
      }
    }
    const p = new Array(2 * n).fill(0);
    p[a] = keptLo; p[a + n] = d - keptHi;
    g = zeroPad(kept, p);
  }
  return g;
}

export const shapeGrads: GradRule[] = [
  { opType: 'Reshape', grad: ({ node }, [dy]) => [() => reshapeLike(dy!, x0(node)), null] },
  { opType: 'Flatten', grad: ({ node }, [dy]) => [() => reshapeLike(dy!, x0(node))] },
  transposeGrad,
  squeezeGrad,
  unsqueezeGrad,
  concatGrad,
  splitGrad,
  sliceGrad,
  expandGrad,
  tileGrad,
  padGrad,
];
