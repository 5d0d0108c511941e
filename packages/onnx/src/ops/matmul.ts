import { attrNumber } from '../builder/attributes';
import type { OpSchema } from '../builder/op-schema';
import type { Dim, Value } from '../builder/value';
import { broadcastDims, need, one, sameDtype } from './infer';

function matmulDims(a: readonly Dim[], b: readonly Dim[]): Dim[] {
  if (a.length === 0 || b.length === 0) throw new Error('MatMul inputs must have rank >= 1');
  const A = a.length === 1 ? [1, a[0]] : a;
  const B = b.length === 1 ? [b[0], 1] : b;
  const k1 = A[A.length - 1];
  const k2 = B[B.length - 2];
  if (typeof k1 === 'number' && typeof k2 === 'number' && k1 !== k2) {
    throw new Error(`inner dimensions differ: [${a.join(', ')}] x [${b.join(', ')}]`);
  }
  const batch = broadcastDims(A.slice(0, -2), B.slice(0, -2));
  const out: Dim[] = [...batch];
  if (a.length > 1) out.push(A[A.length - 2]);
  if (b.length > 1) out.push(B[B.length - 1]);
  return out;
}

export const matmulSchemas: OpSchema[] = [
  {
    opType: 'MatMul',
    infer([a, b]) { const x = need(a, 'A'); const y = need(b, 'B'); return one(sameDtype([x, y]), matmulDims(x.dims, y.dims)); },
  },
  {
    opType: 'Gemm',
    infer([a, b, c], attrs) {
      const x = need(a, 'A'); const y = need(b, 'B');
      if (x.rank !== 2 || y.rank !== 2) throw new Error(`Gemm needs 2-D A and B, got [${x.dims}] and [${y.dims}]`);
      const ta = attrNumber(attrs, 'transA', 0); const tb = attrNumber(attrs, 'transB', 0);
      const [m, k1] = ta ? [x.dims[1], x.dims[0]] : x.dims;
      const [k2, n] = tb ? [y.dims[1], y.dims[0]] : y.dims;
      if (typeof k1 === 'number' && typeof k2 === 'number' && k1 !== k2) throw new Error(`inner dimensions differ: ${k1} vs ${k2}`);
      const dtype = sameDtype([x, y, c]);
      if (c) broadcastDims(c.dims, [m, n]);
      return one(dtype, [m, n]);
    },
  },
];

export const matmul = (a: Value, b: Value): Value => a.builder.node1('MatMul', [a, b]);

/** Y = op(A) op(B) + C with alpha = beta = 1. */
export function gemm(a: Value, b: Value, c: Value | null = null, o: { transA?: boolean; transB?: boolean } = {}): Value {
  return a.builder.node1('Gemm', c ? [a, b, c] : [a, b], { transA: o.transA ? 1 : 0, transB: o.transB ? 1 : 0 });
}
