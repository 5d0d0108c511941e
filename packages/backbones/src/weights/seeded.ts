import { Tensor } from '@seg/tensor';
import type { WeightSource } from './weight-source';

// Math functions held in module scope: global lookups are slow inside jest's vm sandbox, and
// these loops run tens of millions of times for ResNet-34.
const { sqrt, log, cos, sin, imul, PI } = Math;

/** FNV-1a hash of a weight name, so each tensor's values depend on (seed, name) and not on build order. */
function hashName(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = imul(h ^ name.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** Seed of one weight's stream: building a subset of the taps gives the same values. */
export const seedFor = (seed: number, name: string): number => (hashName(name) ^ imul(seed >>> 0, 0x9e3779b1)) >>> 0;

/**
 * Fills `out` with N(0, std^2) samples from a stream seeded by `seed` (mulberry32 uniforms,
 * Box-Muller pairs). Local to this file because it must be fast for tens of millions of weights.
 */
export function fillNormalSeeded(out: Float32Array, seed: number, std: number): void {
  let a = seed | 0;
  const uniform = (): number => {
    a = (a + 0x6d2b79f5) | 0;
    let t = imul(a ^ (a >>> 15), 1 | a);
    t = (t + imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = 0; i < out.length; i += 2) {
    const r = std * sqrt(-2 * log(1 - uniform()));
    const phi = 2 * PI * uniform();
    out[i] = r * cos(phi);
    if (i + 1 < out.length) out[i + 1] = r * sin(phi);
  }
}

/** Fills `out` with uniform samples in [lo, hi) from a stream seeded by `seed`. */
export function fillUniformSeeded(out: Float32Array, seed: number, lo: number, hi: number): void {
  let a = seed | 0;
  for (let i = 0; i < out.length; i++) {
    a = (a + 0x6d2b79f5) | 0;
    let t = imul(a ^ (a >>> 15), 1 | a);
    t = (t + imul(t ^ (t >>> 7), 61 | t)) ^ t;
    out[i] = lo + (hi - lo) * (((t ^ (t >>> 14)) >>> 0) / 4294967296);
  }
}

type Role = 'conv' | 'scale' | 'shift' | 'mean' | 'var';

/** Classifies a weight by its name and rank (pretrained zoo names and seg's hierarchical names alike). */
export function weightRole(name: string, dims: readonly number[]): Role {
  if (/running_var$/.test(name)) return 'var';
  if (/running_mean$/.test(name)) return 'mean';
  if (/gamma$/.test(name)) return 'scale';
  if (/(beta|bias)$/.test(name)) return 'shift';
  if (dims.length === 1) return 'scale';
  return 'conv';
}

/**
 * The initialisation of "Deep Residual Learning" (He et al. 2016) as torchvision applies it:
 * convolution weights He-normal with fan-out (std = sqrt(2 / (out * kh * kw))), BN scale 1,
 * shift 0, running mean 0 and variance 1, biases 0. Values depend only on (seed, name).
 */
export function heInitWeights(seed = 0): WeightSource {
  return {
    label: `He-normal initialisation (seed ${seed})`,
    get(name, dims) {
      const t = new Tensor('float32', dims);
      const role = weightRole(name, dims);
      if (role === 'scale' || role === 'var') t.data.fill(1);
      else if (role === 'conv') {
        const fanOut = dims[0] * dims.slice(2).reduce((a, d) => a * d, 1);
        fillNormalSeeded(t.data as Float32Array, seedFor(seed, name), sqrt(2 / fanOut));
      }
      return t;
    },
  };
}

/**
 * Random weights of any architecture's shapes, for tests and benchmarks where pretrained files
 * are absent: convolutions He-normal with fan-in (activations keep their scale through depth),
 * BN statistics and affine terms near identity, biases small.
 */
export function syntheticWeights(seed = 0): WeightSource {
  return {
    label: `synthetic weights (seed ${seed})`,
    get(name, dims) {
      const t = new Tensor('float32', dims);
      const d = t.data as Float32Array;
      const k = seedFor(seed, name);
      switch (weightRole(name, dims)) {
        case 'conv': {
          const fanIn = dims.slice(1).reduce((a, x) => a * x, 1);
          fillNormalSeeded(d, k, sqrt(2 / fanIn));
          break;
        }
        case 'scale': case 'var': fillUniformSeeded(d, k, 0.5, 1.5); break;
        case 'shift': case 'mean': fillNormalSeeded(d, k, 0.05); break;
      }
      return t;
    },
  };
}
