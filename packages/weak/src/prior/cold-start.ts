import type { WorkingTile } from '../features/pixel-features';

/**
 * Cold-start priors of method 1: a per-pixel score whose superpixel means rank the vertices for
 * the FIRST epoch's pseudo-labels. The area ratio alone does not say which region is the target
 * (methods.md: a randomly initialised GCN as first scorer locked onto the wrong region in most
 * runs, Dice 0.02–0.17, while matching the ratios as well); a domain cue decides it.
 */
export interface ColdStartPrior {
  name: string;
  description: string;
  /** Per-pixel score [H, W] at working scale, higher = more likely target; null = no prior. */
  pixelScores(tile: WorkingTile): Float32Array | null;
}

const PRIORS: ColdStartPrior[] = [
  {
    name: 'haematoxylin',
    description: 'haematoxylin concentration of a Ruifrok & Johnston colour deconvolution (nuclei in H&E)',
    pixelScores: (t) => t.stains.slice(0, t.width * t.height),
  },
  {
    name: 'dark',
    description: 'darkness, 100 − L* (dark objects on a light background)',
    pixelScores: (t) => Float32Array.from(t.lab.subarray(0, t.width * t.height), (l) => 100 - l),
  },
  {
    name: 'bright',
    description: 'lightness L* (light objects on a dark background)',
    pixelScores: (t) => t.lab.slice(0, t.width * t.height),
  },
  {
    name: 'none',
    description: 'no prior: the randomly initialised model scores the first epoch (an ablation; expect the wrong region)',
    pixelScores: () => null,
  },
];

export type PriorName = 'haematoxylin' | 'dark' | 'bright' | 'none';

export function coldStartPrior(name: string): ColdStartPrior {
  const p = PRIORS.find((x) => x.name === name);
  if (!p) throw new Error(`unknown cold-start prior '${name}'; expected one of ${PRIORS.map((x) => x.name).join(', ')}`);
  return p;
}

export const priorNames = (): string[] => PRIORS.map((p) => p.name);
