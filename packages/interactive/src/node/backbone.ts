import type { WeightSource } from '@seg/backbones';
import { getBackbone } from '@seg/backbones';
import { loadBackboneWeights } from '@seg/backbones/node';
import { DEFAULT_TAPS } from '../features/feature-graph';

/** Backbones method 5 offers; 'auto' is ResNet-50 v2 when its weights are on disk, else the filter bank. */
export const INTERACTIVE_BACKBONES = ['auto', 'resnet50v2', 'mobilenetv2', 'filterbank'] as const;
export type InteractiveBackboneChoice = (typeof INTERACTIVE_BACKBONES)[number];

export interface LoadedBackbone {
  name: string;
  weights?: WeightSource;
  /** Where the weights came from, or why the weights-free filter bank is used. */
  source: string;
}

/**
 * Loads the weights a method-5 backbone needs (only its taps' layers). `weights` is a weights
 * folder; otherwise the models folder ($SEG_MODELS or the shared one) is searched. A named
 * pretrained backbone without weights fails with the loader's "weights not found" message;
 * 'auto' falls back to the weights-free filter bank and says why.
 */
export async function loadInteractiveBackbone(choice: string, weights?: string): Promise<LoadedBackbone> {
  if (!(INTERACTIVE_BACKBONES as readonly string[]).includes(choice)) {
    throw new Error(`unknown backbone '${choice}'; expected one of ${INTERACTIVE_BACKBONES.join(', ')}`);
  }
  if (choice === 'filterbank') {
    if (weights) throw new Error("backbone 'filterbank' takes no weights (it is weights-free)");
    return { name: 'filterbank', source: 'weights-free filter bank' };
  }
  const name = choice === 'auto' ? 'resnet50v2' : choice;
  getBackbone(name);
  try {
    const w = await loadBackboneWeights(name, { taps: DEFAULT_TAPS[name] }, { weights });
    return { name, weights: w, source: `pretrained weights from ${w.label}` };
  } catch (e) {
    if (choice !== 'auto') throw e;
    return { name: 'filterbank', source: `weights-free filter bank (ResNet-50 v2 unavailable: ${(e as Error).message})` };
  }
}
