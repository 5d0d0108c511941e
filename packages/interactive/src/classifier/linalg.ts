/**
 * Small dense linear algebra in float64 for the per-click solvers (matrices of a few hundred rows,
 * row-major). Nothing here allocates per element.
 */

/**
 * Cholesky factorisation A = L Lᵀ of a symmetric positive-definite n x n matrix, in place: the lower
 * triangle of `a` becomes L (the strict upper triangle is zeroed). Throws when A is not positive definite.
 */
export function choleskyInPlace(a: Float64Array, n: number): void {
  if (a.length < n * n) throw new Error(`cholesky: ${a.length} values for a ${n}x${n} matrix`);
  for (let j = 0; j < n; j++) {
    const rj = j * n;
    let d = a[rj + j];
    for (let k = 0; k < j; k++) d -= a[rj + k] * a[rj + k];
    if (!(d > 0)) throw new Error(`cholesky: the matrix is not positive definite (pivot ${j} is ${d})`);
    const ljj = Math.sqrt(d);
    a[rj + j] = ljj;
    const inv = 1 / ljj;
    for (let i = j + 1; i < n; i++) {
      const ri = i * n;
      let s = a[ri + j];
      for (let k = 0; k < j; k++) s -= a[ri + k] * a[rj + k];
      a[ri + j] = s * inv;
    }
    for (let k = j + 1; k < n; k++) a[rj + k] = 0;
  }
}

/** Solves (L Lᵀ) X = B in place for B [n, k] (row-major), given the Cholesky factor L. */
export function choleskySolveInPlace(l: Float64Array, n: number, b: Float64Array, k: number): void {
  // forward substitution L Y = B
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    for (let c = 0; c < k; c++) {
      let s = b[i * k + c];
      for (let j = 0; j < i; j++) s -= l[ri + j] * b[j * k + c];
      b[i * k + c] = s / l[ri + i];
    }
  }
  // back substitution Lᵀ X = Y
  for (let i = n - 1; i >= 0; i--) {
    for (let c = 0; c < k; c++) {
      let s = b[i * k + c];
      for (let j = i + 1; j < n; j++) s -= l[j * n + i] * b[j * k + c];
      b[i * k + c] = s / l[i * n + i];
    }
  }
}

/** Inverse of an SPD matrix from its Cholesky factor L: (L Lᵀ)⁻¹, n x n, symmetric. */
export function choleskyInverse(l: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) out[i * n + i] = 1;
  choleskySolveInPlace(l, n, out, n);
  return out;
}
