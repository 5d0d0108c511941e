import { attrString } from '../../builder/attributes';
import type { Value } from '../../builder/value';
import { reduceSum, unsqueeze } from '../../ops';
import { expandTo, staticDims, unbroadcast } from '../helpers';
import type { GradRule } from '../types';

/**
 * Einsum: the gradient of operand i is itself an einsum of dy with the other operands, written
 * to operand i's labels. Labels only operand i has (summed away in the forward) are restored by
 * Unsqueeze + Expand; ellipsis dims that operand i broadcast are summed back. Ellipses are
 * rewritten as fresh labels first. Repeated labels within a term (diagonals) are not supported.
 */

interface Term { labels: string[]; ellipsisAt: number }

function splitLabels(term: string): Term {
  const labels: string[] = [];
  let ellipsisAt = -1;
  for (let i = 0; i < term.length;) {
    if (term.startsWith('...', i)) { ellipsisAt = labels.length; i += 3; continue; }
    labels.push(term[i]); i++;
  }
  return { labels, ellipsisAt };
}

const joinTerm = (t: Term): string => (t.ellipsisAt < 0 ? t.labels.join('') : `${t.labels.slice(0, t.ellipsisAt).join('')}...${t.labels.slice(t.ellipsisAt).join('')}`);

/** Parses an equation into input terms and the (explicit or implicit) output term. */
export function parseEquation(equation: string): { inputs: Term[]; output: Term } {
  const eq = equation.replace(/\s+/g, '');
  const [lhs, rhs] = eq.split('->');
  const inputs = lhs.split(',').map(splitLabels);
  if (rhs !== undefined) return { inputs, output: splitLabels(rhs) };
  const count = new Map<string, number>();
  for (const t of inputs) for (const c of t.labels) count.set(c, (count.get(c) ?? 0) + 1);
  const hasEllipsis = inputs.some((t) => t.ellipsisAt >= 0);
  return { inputs, output: { labels: [...count.keys()].filter((c) => count.get(c) === 1).sort(), ellipsisAt: hasEllipsis ? 0 : -1 } };
}

export const einsumGrad: GradRule = {
  opType: 'Einsum',
  grad: ({ node, builder: b }, [dy]) => {
    const xs = node.inputs as Value[];
    const { inputs, output } = parseEquation(attrString(node.attributes, 'equation', ''));
    return xs.map((x, i) => () => {
      const mine = inputs[i];
      if (new Set(mine.labels).size !== mine.labels.length) throw new Error(`gradient of '${node.name}': repeated labels in term '${joinTerm(mine)}' (diagonals) are not supported`);
      const others = inputs.filter((_, j) => j !== i);
      const available = new Set([...output.labels, ...others.flatMap((t) => t.labels)]);
      const keptLabels = mine.labels.filter((c) => available.has(c));
      // keep an ellipsis whenever the equation has one (ONNX wants it in the output), at operand
      // i's position, or in front when operand i has none; extra broadcast axes are summed below
      const anyEllipsis = output.ellipsisAt >= 0 || others.some((t) => t.ellipsisAt >= 0) || mine.ellipsisAt >= 0;
      const at = mine.ellipsisAt < 0 ? 0 : mine.labels.slice(0, mine.ellipsisAt).filter((c) => available.has(c)).length;
      const kept: Term = { labels: keptLabels, ellipsisAt: anyEllipsis ? at : -1 };
      const eq = `${[output, ...others].map(joinTerm).join(',')}->${joinTerm(kept)}`;
      let g = b.node1('Einsum', [dy!, ...xs.filter((_, j) => j !== i)], { equation: eq });
      const ellRank = mine.ellipsisAt < 0 ? 0 : x.rank - mine.labels.length;
      const extra = g.rank - keptLabels.length - ellRank;
      if (extra > 0) g = reduceSum(g, Array.from({ length: extra }, (_, k) => at + k), false);
      // labels of operand i alone (summed in the forward): put them back as broadcast axes
      const axisOf = (k: number): number => (mine.ellipsisAt >= 0 && k >= mine.ellipsisAt ? k + ellRank : k);
      const missing = mine.labels.map((c, k) => (available.has(c) ? -1 : axisOf(k))).filter((k) => k >= 0);
      if (missing.length) {
        g = unsqueeze(g, missing);
        const xd = staticDims(x, `gradient of '${node.name}'`);
        const gd = staticDims(g, `gradient of '${node.name}'`);
        g = expandTo(g, xd.map((d, k) => (missing.includes(k) ? d : gd[k])));
      }
      return unbroadcast(g, x.dims);
    });
  },
};
