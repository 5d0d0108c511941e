import { Rng, Tensor } from '@seg/tensor';
import type { GraphBuilder } from '../builder/graph-builder';
import type { Value } from '../builder/value';

/** Fills a float32 tensor in place; `fans` are computed from its dims. */
export type Initializer = (t: Tensor<'float32'>, rng: Rng) => void;

/**
 * fan_in / fan_out of a weight, PyTorch's convention: dims [out, in, k...] give
 * fan_in = in * prod(k), fan_out = out * prod(k); a 1-D tensor has fan_in = fan_out = its size.
 */
export function fans(dims: readonly number[]): { fanIn: number; fanOut: number } {
  if (dims.length === 0) return { fanIn: 1, fanOut: 1 };
  if (dims.length === 1) return { fanIn: dims[0], fanOut: dims[0] };
  const receptive = dims.slice(2).reduce((a, d) => a * d, 1);
  return { fanIn: dims[1] * receptive, fanOut: dims[0] * receptive };
}

export interface KaimingOptions {
  /** 'fan_out' (torchvision ResNet's choice, preserves backward variance) or 'fan_in' (forward). */
  mode?: 'fan_in' | 'fan_out';
  /** Gain of the following non-linearity: sqrt(2) for ReLU (default), sqrt(2 / (1 + a^2)) for leaky ReLU. */
  gain?: number;
}

/** Standard initialisers. Each returns an Initializer usable with `initParam`. */
export const Init = {
  zeros: (): Initializer => (t) => { t.data.fill(0); },
  ones: (): Initializer => (t) => { t.data.fill(1); },
  constant: (v: number): Initializer => (t) => { t.data.fill(v); },
  normal: (std: number, mean = 0): Initializer => (t, rng) => { rng.fillNormal(t.data, mean, std); },
  uniform: (low: number, high: number): Initializer => (t, rng) => { rng.fillUniform(t.data, low, high); },
  /** He et al. 2015 ("Delving deep into rectifiers"): N(0, gain^2 / fan). */
  kaimingNormal: (o: KaimingOptions = {}): Initializer => (t, rng) => {
    const f = fans(t.dims);
    const fan = (o.mode ?? 'fan_out') === 'fan_in' ? f.fanIn : f.fanOut;
    rng.fillNormal(t.data, 0, (o.gain ?? Math.SQRT2) / Math.sqrt(fan));
  },
  /** He uniform: U(-b, b) with b = gain * sqrt(3 / fan). */
  kaimingUniform: (o: KaimingOptions = {}): Initializer => (t, rng) => {
    const f = fans(t.dims);
    const fan = (o.mode ?? 'fan_in') === 'fan_in' ? f.fanIn : f.fanOut;
    const bound = (o.gain ?? Math.SQRT2) * Math.sqrt(3 / fan);
    rng.fillUniform(t.data, -bound, bound);
  },
  /** Glorot & Bengio 2010: U(-b, b) with b = gain * sqrt(6 / (fan_in + fan_out)). */
  xavierUniform: (gain = 1): Initializer => (t, rng) => {
    const f = fans(t.dims);
    const bound = gain * Math.sqrt(6 / (f.fanIn + f.fanOut));
    rng.fillUniform(t.data, -bound, bound);
  },
  /** Glorot normal: N(0, gain^2 * 2 / (fan_in + fan_out)). */
  xavierNormal: (gain = 1): Initializer => (t, rng) => {
    const f = fans(t.dims);
    rng.fillNormal(t.data, 0, gain * Math.sqrt(2 / (f.fanIn + f.fanOut)));
  },
};

const seeds = new WeakMap<GraphBuilder, number>();

/** Sets the seed that module parameters of this builder are initialised from (0 by default). */
export function setInitSeed(b: GraphBuilder, seed: number): void {
  if (!Number.isInteger(seed)) throw new Error(`setInitSeed: seed must be an integer, got ${seed}`);
  seeds.set(b, seed);
}

export function initSeed(b: GraphBuilder): number {
  return seeds.get(b) ?? 0;
}

/** FNV-1a of a string mixed with the seed: each parameter gets its own stream. */
function streamSeed(seed: number, name: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/**
 * A float32 parameter `name` under the current scope, initialised by `init` from a random stream
 * derived from (builder seed, full parameter name). Values therefore depend only on the seed and
 * the name, not on how many other layers were created before it.
 */
export function initParam(b: GraphBuilder, name: string, dims: readonly number[], init: Initializer, options: { trainable?: boolean } = {}): Value {
  const t = new Tensor('float32', dims);
  const v = b.param(name, t, options);
  init(t, new Rng(streamSeed(initSeed(b), v.name)));
  return v;
}
