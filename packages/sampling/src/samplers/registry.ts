import { Rng } from '@seg/tensor';
import { CombinedSampler, CombinedSamplerConfig, SubSamplerConfig } from './combined-sampler';
import { InstanceBalancedPosSampler, InstanceBalancedPosSamplerConfig } from './instance-balanced-pos-sampler';
import { IoUBalancedNegSampler, IoUBalancedNegSamplerConfig } from './iou-balanced-neg-sampler';
import { RandomSampler, RandomSamplerConfig } from './random-sampler';
import type { BaseSampler, SamplerCommonConfig } from './sampler';

export type SamplerConfig = RandomSamplerConfig | InstanceBalancedPosSamplerConfig | IoUBalancedNegSamplerConfig | CombinedSamplerConfig;

type Factory = (config: SubSamplerConfig & SamplerCommonConfig, rng: Rng) => BaseSampler;

/** Every sampler type a config can name, in one explicit list. */
const SAMPLERS: readonly (readonly [string, Factory])[] = [
  ['RandomSampler', (c, rng) => new RandomSampler(c, rng)],
  ['InstanceBalancedPosSampler', (c, rng) => new InstanceBalancedPosSampler(c, rng)],
  ['IoUBalancedNegSampler', (c, rng) => new IoUBalancedNegSampler(c, rng)],
  ['CombinedSampler', (c, rng) => new CombinedSampler(c as unknown as CombinedSamplerConfig, rng, buildWith)],
];

const REGISTRY = new Map<string, Factory>();
for (const [name, factory] of SAMPLERS) {
  if (REGISTRY.has(name)) throw new Error(`sampler type '${name}' registered twice`);
  REGISTRY.set(name, factory);
}

export function samplerTypes(): string[] { return [...REGISTRY.keys()]; }

function buildWith(config: SubSamplerConfig & SamplerCommonConfig, rng: Rng): BaseSampler {
  if (!config || typeof config !== 'object') throw new Error(`a sampler config must be an object with a 'type', got ${JSON.stringify(config)}`);
  const factory = REGISTRY.get(config.type);
  if (!factory) throw new Error(`unknown sampler type '${String(config.type)}'; known types: ${samplerTypes().join(', ')}`);
  return factory(config, rng);
}

/**
 * Builds a sampler from an mmdetection-style config, e.g.
 * `{type: 'IoUBalancedNegSampler', num: 512, pos_fraction: 0.25, floor_thr: -1, floor_fraction: 0, num_bins: 3}`.
 * Sampling draws from `rng` (default: a fresh Rng(seed), seed 0), so results replay exactly.
 */
export function buildSampler(config: SamplerConfig, options: { rng?: Rng; seed?: number } = {}): BaseSampler {
  return buildWith(config as unknown as SubSamplerConfig & SamplerCommonConfig, options.rng ?? new Rng(options.seed ?? 0));
}
