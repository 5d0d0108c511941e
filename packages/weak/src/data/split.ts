import { Rng } from '@seg/tensor';

/**
 * A seeded train/test split of n items: a permutation from the seed, the first `train` of it for
 * training (in their original order), the rest for testing. `train` is a count (integer >= 1) or a
 * fraction in (0, 1) of n (rounded, at least 1).
 */
export function seededSplit(n: number, train: number, seed: number): { train: number[]; test: number[] } {
  if (!Number.isInteger(n) || n < 1) throw new Error(`split: need at least one item, got ${n}`);
  let k: number;
  if (train > 0 && train < 1) k = Math.max(1, Math.round(train * n));
  else if (Number.isInteger(train) && train >= 1) k = train;
  else throw new Error(`split: train must be a count >= 1 or a fraction in (0, 1), got ${train}`);
  if (k > n) throw new Error(`split: cannot train on ${k} of ${n} images`);
  const perm = new Rng(seed).permutation(n);
  const inTrain = new Uint8Array(n);
  for (let i = 0; i < k; i++) inTrain[perm[i]] = 1;
  const out = { train: [] as number[], test: [] as number[] };
  for (let i = 0; i < n; i++) (inTrain[i] ? out.train : out.test).push(i);
  return out;
}
