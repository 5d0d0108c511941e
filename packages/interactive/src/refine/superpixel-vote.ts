import type { LabelMap } from '@seg/superpixels';

/**
 * Edge-aware refinement: every superpixel takes the mean probability of its pixels, so the mask
 * follows the image's colour boundaries instead of the coarse feature grid (methods.md measured
 * NoC@90 7.7 -> 7.0 on GrabCut with ~1000 SLIC segments). `blend` mixes the voted map with the
 * raw one (1 = fully voted).
 */
export function superpixelVote(probability: Float32Array, sp: LabelMap, blend = 1): Float32Array {
  if (probability.length !== sp.labels.length) throw new Error(`superpixel vote: ${probability.length} probabilities for a ${sp.width}x${sp.height} label map`);
  const sum = new Float64Array(sp.count);
  const count = new Int32Array(sp.count);
  const labels = sp.labels;
  for (let i = 0; i < labels.length; i++) { sum[labels[i]] += probability[i]; count[labels[i]]++; }
  const mean = new Float32Array(sp.count);
  for (let k = 0; k < sp.count; k++) mean[k] = count[k] ? sum[k] / count[k] : 0;
  const out = new Float32Array(probability.length);
  for (let i = 0; i < labels.length; i++) out[i] = blend * mean[labels[i]] + (1 - blend) * probability[i];
  return out;
}
