import { Rng, Tensor } from '@seg/tensor';
import { createNodeSession } from '@seg/runtime/node';
import { GraphBuilder } from '../../builder/graph-builder';
import type { Value } from '../../builder/value';
import { mul, reduceSum } from '../../ops';
import { serializeModel } from '../../proto/serialize';
import { grad } from '../walker';

/**
 * Checks `grad` against central finite differences computed by onnxruntime-node (test-only, node).
 *
 * The graph under test is `y = build(inputs)`; the loss is the random projection sum(y * r) with a
 * fixed random r, so every element of y matters. One session runs the graph with gradient outputs:
 * once for the analytic gradients, then once per perturbed copy of an input (x +- eps e_i) fetching
 * only y, with the projection summed in float64 in JS so that the difference is not lost to a
 * float32 reduction.
 */
export interface GradCheckSpec {
  /** Graph inputs by name (float or integer tensors). */
  inputs: Record<string, Tensor>;
  /** Builds y (any shape, float) from the inputs, in a fresh builder. */
  build: (b: GraphBuilder, x: Record<string, Value>) => Value;
  /** Inputs to differentiate (default: every float input). */
  wrt?: string[];
  opset?: number;
  /** Finite-difference step (default 1e-6 for float64, 1e-2 for float32). */
  eps?: number;
  /** Pass when |analytic - numeric| <= atol + rtol * |numeric| everywhere (defaults per dtype). */
  rtol?: number;
  atol?: number;
  /** Seed of the projection r. */
  seed?: number;
  /** Only check this many elements per input (a random subset; default all). */
  maxElements?: number;
}

export interface GradCheckResult {
  analytic: Record<string, Tensor>;
  numeric: Record<string, Tensor>;
  /** Largest |analytic - numeric| / (atol + rtol |numeric|); <= 1 means pass. */
  worstRatio: number;
  /** The graph that was checked (forward, backward and outputs), for structural assertions. */
  graph: GraphBuilder;
}

const isFloat = (t: Tensor): boolean => t.dtype === 'float32' || t.dtype === 'float64';

/** Runs the check; throws naming the worst element when analytic and numeric gradients disagree. */
export async function checkGradients(spec: GradCheckSpec): Promise<GradCheckResult> {
  const names = Object.keys(spec.inputs);
  const wrt = spec.wrt ?? names.filter((n) => isFloat(spec.inputs[n]));
  for (const w of wrt) if (!spec.inputs[w] || !isFloat(spec.inputs[w])) throw new Error(`checkGradients: wrt '${w}' is not a float input`);
  const dtype = spec.inputs[wrt[0]].dtype;
  const f64 = dtype === 'float64';
  const eps = spec.eps ?? (f64 ? 1e-6 : 1e-2);
  const rtol = spec.rtol ?? (f64 ? 1e-5 : 1e-2);
  const atol = spec.atol ?? (f64 ? 1e-7 : 1e-3);
  const rng = new Rng(spec.seed ?? 12345);

  // step 1: graph with y and dLoss/dx outputs
  const b = new GraphBuilder({ opset: spec.opset });
  const xs: Record<string, Value> = {};
  for (const n of names) xs[n] = b.input(n, spec.inputs[n].dtype, spec.inputs[n].dims);
  const y = spec.build(b, xs);
  if (y.dtype !== 'float32' && y.dtype !== 'float64') throw new Error(`checkGradients: y must be float, got ${y.dtype}`);
  const r = new Tensor(y.dtype, y.shape);
  rng.fillNormal(r.data as Float32Array);
  const loss = reduceSum(mul(y, b.constant(r)));
  const gs = grad(loss, wrt.map((w) => xs[w]));
  b.output(y, '__check_y');
  gs.forEach((g, i) => b.output(g, `__check_grad_${i}`));
  const session = await createNodeSession(serializeModel(b), {}, 'grad-check');
  try {
    const out = await session.run(spec.inputs);
    const analytic: Record<string, Tensor> = {};
    wrt.forEach((w, i) => { analytic[w] = out[`__check_grad_${i}`]; });

    // step 2: central differences, one run per perturbed copy, projection in float64
    const rd = r.data as Float32Array;
    const project = async (feeds: Record<string, Tensor>): Promise<number> => {
      const yd = (await session.run(feeds, ['__check_y'])).__check_y.data as Float32Array;
      let s = 0;
      for (let i = 0; i < yd.length; i++) s += yd[i] * rd[i];
      return s;
    };
    const numeric: Record<string, Tensor> = {};
    let worstRatio = 0;
    let worstMsg = '';
    for (const w of wrt) {
      const base = spec.inputs[w];
      const num = new Tensor(base.dtype, base.dims);
      const nd = num.data as Float32Array;
      const ad = analytic[w].data as Float32Array;
      const total = base.size;
      const indices = spec.maxElements && spec.maxElements < total ? Array.from(rng.choice(total, spec.maxElements)) : Array.from({ length: total }, (_, i) => i);
      const copy = base.clone();
      const cd = copy.data as Float32Array;
      const feeds = { ...spec.inputs, [w]: copy };
      for (const i of indices) {
        const orig = cd[i];
        cd[i] = orig + eps;
        const up = f64 ? eps : cd[i] - orig; // the step actually taken after rounding
        const fp = await project(feeds);
        cd[i] = orig - eps;
        const down = f64 ? eps : orig - cd[i];
        const fm = await project(feeds);
        cd[i] = orig;
        nd[i] = (fp - fm) / (up + down);
        const ratio = Math.abs(ad[i] - nd[i]) / (atol + rtol * Math.abs(nd[i]));
        if (!(ratio <= worstRatio) || Number.isNaN(ratio)) {
          worstRatio = Number.isNaN(ratio) ? Infinity : ratio;
          worstMsg = `d/d${w}[${i}]: analytic ${ad[i]} vs numeric ${nd[i]} (atol ${atol}, rtol ${rtol}, eps ${eps}, ${dtype})`;
        }
      }
      numeric[w] = num;
    }
    if (worstRatio > 1) throw new Error(`gradient check failed: ${worstMsg}`);
    return { analytic, numeric, worstRatio, graph: b };
  } finally {
    await session.release();
  }
}

/** Random normal tensor (a test-data helper). */
export function randn(rng: Rng, dtype: 'float32' | 'float64', dims: number[], scale = 1): Tensor {
  const t = new Tensor(dtype, dims);
  rng.fillNormal(t.data as Float32Array, 0, scale);
  return t;
}

/**
 * Random tensor whose values are a shuffled grid with spacing `gap` (plus a tiny jitter): every two
 * elements differ by at least ~gap, so max/min/relu decisions do not flip under a small step.
 */
export function randDistinct(rng: Rng, dtype: 'float32' | 'float64', dims: number[], gap = 0.05): Tensor {
  const t = new Tensor(dtype, dims);
  const n = t.size;
  const perm = rng.permutation(n);
  const d = t.data as Float32Array;
  for (let i = 0; i < n; i++) d[i] = (perm[i] - (n - 1) / 2) * gap + rng.uniform(-0.1, 0.1) * gap;
  return t;
}
