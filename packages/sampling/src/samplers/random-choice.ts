import type { Rng } from '@seg/tensor';

/**
 * k distinct entries of `gallery`, uniformly at random, in sampled order (a partial Fisher–Yates
 * shuffle of a copy: O(n) copy, O(k) draws). The same Rng state gives the same choice.
 */
export function randomChoice(gallery: Int32Array, k: number, rng: Rng): Int32Array {
  const n = gallery.length;
  if (!Number.isInteger(k) || k < 0 || k > n) throw new Error(`randomChoice: cannot draw ${k} distinct items from ${n}`);
  const pool = gallery.slice();
  shufflePrefix(pool, k, rng);
  return pool.slice(0, k);
}

/**
 * Moves a uniform random k-subset of `a` to its front, in place (partial Fisher–Yates). Draws use
 * one 32-bit word each (bias below n / 2^32, negligible for index ranges).
 */
export function shufflePrefix(a: Int32Array, k: number, rng: Rng): void {
  const n = a.length;
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor((rng.nextUint32() / 4294967296) * (n - i));
    const t = a[i]; a[i] = a[j]; a[j] = t;
  }
}

/** Sorted distinct values (the `.unique()` mmdetection applies to sampled indices). */
export function uniqueSorted(a: Int32Array): Int32Array {
  const s = a.slice().sort();
  let m = 0;
  for (let i = 0; i < s.length; i++) if (i === 0 || s[i] !== s[i - 1]) s[m++] = s[i];
  return s.slice(0, m);
}

/** Entries of `all` that are not in `taken` (both index sets below `size`), in the order of `all`. */
export function setDifference(all: Int32Array, taken: Int32Array, size: number): Int32Array {
  const mark = new Uint8Array(size);
  for (let i = 0; i < taken.length; i++) mark[taken[i]] = 1;
  let m = 0;
  const out = new Int32Array(all.length);
  for (let i = 0; i < all.length; i++) if (!mark[all[i]]) out[m++] = all[i];
  return out.slice(0, m);
}

/** Concatenation of index arrays. */
export function concatIndices(parts: readonly Int32Array[]): Int32Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Int32Array(n);
  n = 0;
  for (const p of parts) { out.set(p, n); n += p.length; }
  return out;
}
