import { attrString } from '../builder/attributes';
import type { OpSchema } from '../builder/op-schema';
import type { Dim, Value } from '../builder/value';
import { broadcastDims, fmtDims, need, one, sameDtype } from './infer';

interface Term { letters: string[]; ellipsisAt: number }

function parseTerm(term: string, what: string): Term {
  const letters: string[] = [];
  let ellipsisAt = -1;
  for (let i = 0; i < term.length;) {
    if (term.startsWith('...', i)) {
      if (ellipsisAt >= 0) throw new Error(`${what} '${term}' has two ellipses`);
      ellipsisAt = letters.length; i += 3; continue;
    }
    const c = term[i];
    if (!/[a-zA-Z]/.test(c)) throw new Error(`${what} '${term}' has an invalid character '${c}'`);
    letters.push(c); i++;
  }
  return { letters, ellipsisAt };
}

/**
 * Output dims of an einsum equation: labels bind dims (equal labels must agree), ellipses
 * broadcast, and the implicit output is the ellipsis then the once-used labels in sorted order.
 */
export function einsumDims(equation: string, inputs: readonly (readonly Dim[])[]): Dim[] {
  const eq = equation.replace(/\s+/g, '');
  const [lhs, rhs, extra] = eq.split('->');
  if (extra !== undefined) throw new Error(`equation '${equation}' has more than one '->'`);
  const terms = lhs.split(',').map((t, i) => parseTerm(t, `input term ${i}`));
  if (terms.length !== inputs.length) throw new Error(`equation '${equation}' has ${terms.length} input terms for ${inputs.length} inputs`);
  const size = new Map<string, Dim>();
  const count = new Map<string, number>();
  const ellipses: Dim[][] = [];
  terms.forEach((t, k) => {
    const dims = inputs[k];
    const nEll = dims.length - t.letters.length;
    if (nEll < 0 || (nEll > 0 && t.ellipsisAt < 0)) throw new Error(`term '${lhs.split(',')[k]}' has ${t.letters.length} labels but input ${k} is ${fmtDims(dims)}`);
    const ell = t.ellipsisAt < 0 ? 0 : nEll;
    if (t.ellipsisAt >= 0) ellipses.push(dims.slice(t.ellipsisAt, t.ellipsisAt + ell) as Dim[]);
    t.letters.forEach((c, j) => {
      const d = dims[j < t.ellipsisAt || t.ellipsisAt < 0 ? j : j + ell];
      const prev = size.get(c);
      if (prev === undefined || (typeof prev === 'string' && typeof d === 'number')) size.set(c, d);
      else if (typeof prev === 'number' && typeof d === 'number' && d !== prev) throw new Error(`label '${c}' is ${prev} in one place and ${d} in another`);
      count.set(c, (count.get(c) ?? 0) + 1);
    });
  });
  const ellDims = ellipses.length ? broadcastDims(...ellipses) : [];
  let out: Term;
  if (rhs !== undefined) {
    out = parseTerm(rhs, 'output term');
    for (const c of out.letters) if (!size.has(c)) throw new Error(`output label '${c}' does not appear in any input`);
    if (new Set(out.letters).size !== out.letters.length) throw new Error(`output term '${rhs}' repeats a label`);
    if (out.ellipsisAt < 0 && ellDims.length > 0) {
      throw new Error(`inputs broadcast over an ellipsis of rank ${ellDims.length} but output term '${rhs}' has no '...'`);
    }
  } else {
    out = { letters: [...count.keys()].filter((c) => count.get(c) === 1).sort(), ellipsisAt: 0 };
  }
  const dims: Dim[] = out.letters.map((c) => size.get(c) as Dim);
  if (out.ellipsisAt >= 0) dims.splice(out.ellipsisAt, 0, ...ellDims);
  return dims;
}

export const einsumSchema: OpSchema = {
  opType: 'Einsum',
  infer(inputs, attrs) {
    const xs = inputs.map((v, i) => need(v, `Inputs[${i}]`));
    const dtype = sameDtype(xs);
    return one(dtype, einsumDims(attrString(attrs, 'equation', ''), xs.map((x) => x.dims)));
  },
};

/** Einstein summation, e.g. einsum('bij,bjk->bik', a, b). */
export function einsum(equation: string, ...xs: Value[]): Value {
  if (xs.length === 0) throw new Error('einsum needs at least one input');
  return xs[0].builder.node1('Einsum', xs, { equation });
}
