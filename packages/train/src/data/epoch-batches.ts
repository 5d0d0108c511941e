import { Rng } from '@seg/tensor';

export interface EpochBatchesOptions {
  /** Number of examples. */
  size: number;
  batchSize: number;
  seed: number;
  /** Shuffle each epoch (default true); otherwise examples come in order. */
  shuffle?: boolean;
}

/**
 * Example indices of a step's batch, as a pure function of (seed, step): epoch e is a fresh
 * permutation drawn from a generator seeded by (seed, e), and incomplete last batches are
 * dropped. Any step can be computed without replaying earlier ones, which makes resumed runs
 * see the same data order as uninterrupted ones.
 */
export function epochBatches(o: EpochBatchesOptions): (step: number) => Int32Array {
  if (!Number.isInteger(o.batchSize) || o.batchSize <= 0) throw new Error(`epochBatches: batchSize must be a positive integer, got ${o.batchSize}`);
  if (!Number.isInteger(o.size) || o.size < o.batchSize) throw new Error(`epochBatches: ${o.size} examples cannot fill one batch of ${o.batchSize}`);
  const perEpoch = Math.floor(o.size / o.batchSize);
  let cached: { epoch: number; order: Int32Array } | null = null;
  const orderOf = (epoch: number): Int32Array => {
    if (cached?.epoch === epoch) return cached.order;
    const order = o.shuffle === false ? Int32Array.from({ length: o.size }, (_, i) => i) : new Rng(mixSeed(o.seed, epoch)).permutation(o.size);
    cached = { epoch, order };
    return order;
  };
  return (step) => {
    if (!Number.isInteger(step) || step < 0) throw new Error(`epochBatches: step must be a non-negative integer, got ${step}`);
    const epoch = Math.floor(step / perEpoch);
    const k = step - epoch * perEpoch;
    return orderOf(epoch).slice(k * o.batchSize, (k + 1) * o.batchSize);
  };
}

/** Combines a run seed and a counter into one 32-bit seed (splitmix-style mixing). */
export function mixSeed(seed: number, counter: number): number {
  let z = (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(counter + 1, 0x85ebca6b)) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x7feb352d) >>> 0;
  z = Math.imul(z ^ (z >>> 15), 0x846ca68b) >>> 0;
  return (z ^ (z >>> 16)) >>> 0;
}
