/**
 * Seeded pseudo-random generator (xoshiro128**, seeded through splitmix32) so that every
 * initialisation, shuffle and sampler in seg can be replayed exactly from one integer seed.
 */
export class Rng {
  private s0 = 0; private s1 = 0; private s2 = 0; private s3 = 0;
  private spare: number | null = null;

  constructor(seed = 0) {
    if (!Number.isFinite(seed)) throw new Error(`Rng seed must be a finite number, got ${seed}`);
    let x = Math.trunc(seed) >>> 0;
    const next = (): number => {
      x = (x + 0x9e3779b9) >>> 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.s0 = next(); this.s1 = next(); this.s2 = next(); this.s3 = next();
  }

  /** Uniform 32-bit unsigned integer. */
  nextUint32(): number {
    const r = Math.imul(rotl(Math.imul(this.s1, 5) >>> 0, 7), 9) >>> 0;
    const t = (this.s1 << 9) >>> 0;
    this.s2 = (this.s2 ^ this.s0) >>> 0;
    this.s3 = (this.s3 ^ this.s1) >>> 0;
    this.s1 = (this.s1 ^ this.s2) >>> 0;
    this.s0 = (this.s0 ^ this.s3) >>> 0;
    this.s2 = (this.s2 ^ t) >>> 0;
    this.s3 = rotl(this.s3, 11);
    return r;
  }

  /** Uniform in [0, 1) with 53 bits of precision. */
  random(): number {
    const hi = this.nextUint32() >>> 5;
    const lo = this.nextUint32() >>> 6;
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  uniform(low = 0, high = 1): number {
    return low + (high - low) * this.random();
  }

  /** Integer in [0, n). */
  int(n: number): number {
    if (!Number.isInteger(n) || n <= 0) throw new Error(`Rng.int needs a positive integer bound, got ${n}`);
    return Math.floor(this.random() * n);
  }

  /** Standard normal sample (Marsaglia polar method), scaled. */
  normal(mean = 0, std = 1): number {
    if (this.spare !== null) { const v = this.spare; this.spare = null; return mean + std * v; }
    let u: number, v: number, s: number;
    do { u = 2 * this.random() - 1; v = 2 * this.random() - 1; s = u * u + v * v; } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    this.spare = v * f;
    return mean + std * u * f;
  }

  fillUniform(out: Float32Array | Float64Array, low = 0, high = 1): typeof out {
    for (let i = 0; i < out.length; i++) out[i] = this.uniform(low, high);
    return out;
  }

  fillNormal(out: Float32Array | Float64Array, mean = 0, std = 1): typeof out {
    for (let i = 0; i < out.length; i++) out[i] = this.normal(mean, std);
    return out;
  }

  /** A uniformly random permutation of 0..n-1 (Fisher–Yates). */
  permutation(n: number): Int32Array {
    const p = new Int32Array(n);
    for (let i = 0; i < n; i++) p[i] = i;
    for (let i = n - 1; i > 0; i--) { const j = this.int(i + 1); const t = p[i]; p[i] = p[j]; p[j] = t; }
    return p;
  }

  /** k distinct indices from 0..n-1 without replacement, in sampled order. */
  choice(n: number, k: number): Int32Array {
    if (k > n) throw new Error(`Rng.choice: cannot draw ${k} distinct items from ${n}`);
    return this.permutation(n).subarray(0, k).slice();
  }

  /** k indices from 0..n-1 with replacement, weighted by `weights` when given. */
  choiceWithReplacement(n: number, k: number, weights?: ArrayLike<number>): Int32Array {
    const out = new Int32Array(k);
    if (!weights) { for (let i = 0; i < k; i++) out[i] = this.int(n); return out; }
    if (weights.length !== n) throw new Error(`Rng.choice: ${weights.length} weights for ${n} items`);
    const cdf = new Float64Array(n);
    let acc = 0;
    for (let i = 0; i < n; i++) { if (!(weights[i] >= 0)) throw new Error(`Rng.choice: weight ${i} is ${weights[i]}`); acc += weights[i]; cdf[i] = acc; }
    if (acc <= 0) throw new Error('Rng.choice: weights sum to zero');
    for (let i = 0; i < k; i++) {
      const r = this.random() * acc;
      let lo = 0, hi = n - 1;
      while (lo < hi) { const m = (lo + hi) >> 1; if (cdf[m] > r) hi = m; else lo = m + 1; }
      out[i] = lo;
    }
    return out;
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}
