import { attrNumber, float } from '../../builder/attributes';
import type { Value } from '../../builder/value';
import { matmul, mul, squeeze, transpose, unsqueeze } from '../../ops';
import { unbroadcast } from '../helpers';
import type { GradRule } from '../types';

/** Swaps the last two axes. */
function swapLast(v: Value): Value {
  const perm = v.dims.map((_, i) => i);
  [perm[v.rank - 2], perm[v.rank - 1]] = [perm[v.rank - 1], perm[v.rank - 2]];
  return transpose(v, perm);
}

/**
 * MatMul (numpy semantics, batched and broadcast): dA = dY B^T, dB = A^T dY, each summed over the
 * batch axes it was broadcast along. 1-D operands are promoted to matrices and squeezed back.
 */
export const matmulGrad: GradRule = {
  opType: 'MatMul',
  grad: ({ node }, [dy]) => {
    const [a, b] = node.inputs as Value[];
    const g = dy!;
    if (a.rank === 1 && b.rank === 1) return [() => mul(g, b), () => mul(g, a)];
    const a2 = a.rank === 1 ? unsqueeze(a, [0]) : a;
    const b2 = b.rank === 1 ? unsqueeze(b, [1]) : b;
    let g2 = a.rank === 1 ? unsqueeze(g, [-2]) : g;
    if (b.rank === 1) g2 = unsqueeze(g2, [-1]);
    return [
      () => {
        const da = unbroadcast(matmul(g2, swapLast(b2)), a2.dims);
        return a.rank === 1 ? squeeze(da, [0]) : da;
      },
      () => {
        const db = unbroadcast(matmul(swapLast(a2), g2), b2.dims);
        return b.rank === 1 ? squeeze(db, [1]) : db;
      },
    ];
  },
};

/**
 * Gemm: Y = alpha op(A) op(B) + beta C. Each gradient is itself one Gemm with the transposes
 * arranged so that no explicit Transpose is emitted; dC is beta dY summed to C's broadcast shape.
 */
export const gemmGrad: GradRule = {
  opType: 'Gemm',
  grad: ({ node, builder }, [dy]) => {
    const [a, b, c] = node.inputs as (Value | null)[];
    const g = dy!;
    const alpha = attrNumber(node.attributes, 'alpha', 1);
    const beta = attrNumber(node.attributes, 'beta', 1);
    const ta = attrNumber(node.attributes, 'transA', 0);
    const tb = attrNumber(node.attributes, 'transB', 0);
    const gemm = (p: Value, q: Value, tp: number, tq: number) => builder.node1('Gemm', [p, q], { alpha: float(alpha), transA: tp, transB: tq });
    return [
      () => (ta ? gemm(b!, g, tb, 1) : gemm(g, b!, 0, 1 - tb)),
      () => (tb ? gemm(g, a!, 1, ta) : gemm(a!, g, 1 - ta, 0)),
      c ? () => unbroadcast(beta === 1 ? g : mul(g, beta), c.dims) : null,
    ];
  },
};

export const matmulGrads: GradRule[] = [matmulGrad, gemmGrad];
