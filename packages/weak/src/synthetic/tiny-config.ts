import type { WeakConfigInput } from '../pipeline/config';

/** A small, fast configuration for 64x64 synthetic tiles (tests, demos, the server's smoke test). */
export const TINY_CONFIG: WeakConfigInput = {
  scale: 1,
  superpixels: { segments: 150, compactness: 10 },
  error: 0.03,
  gcn: { hidden: [16], epochs: 6, stepsPerEpoch: 3, lr: 0.02 },
  pixel: { width: 8, dilations: [1, 2], steps: 60, rounds: 1, roundSteps: 30, batch: 4, crop: 32, lr: 0.01 },
};
