import type { WeightSource } from '@seg/backbones';
import { loadBackboneWeights } from '@seg/backbones/node';
import { DEFAULT_TAPS } from '@seg/interactive';

/** Which feature backbone the interactive routes use: 'auto' picks ResNet-50 v2 when its weights are on disk. */
export type BackboneChoice = 'auto' | 'resnet50v2' | 'filterbank';

export const BACKBONE_CHOICES: readonly BackboneChoice[] = ['auto', 'resnet50v2', 'filterbank'];

export interface ResolvedBackbone {
  name: 'resnet50v2' | 'filterbank';
  weights?: WeightSource;
  /** Where the weights came from, or why the weights-free filter bank is used. */
  source: string;
}

/**
 * Method 5's backbone for the server: ResNet-50 v2 (layer1–3) with pretrained weights from the
 * models folder (config.modelsDir, else $SEG_MODELS, else the shared folder's models/), falling
 * back to the weights-free filter bank when they are absent ('auto'). 'resnet50v2' insists on the
 * weights and fails with the loader's "weights not found" message.
 */
export async function resolveBackbone(choice: BackboneChoice, configuredModelsDir: string | null): Promise<ResolvedBackbone> {
  if (!BACKBONE_CHOICES.includes(choice)) throw new Error(`interactive backbone must be one of ${BACKBONE_CHOICES.join(', ')}, got '${choice}'`);
  if (choice === 'filterbank') return { name: 'filterbank', source: 'weights-free filter bank (chosen)' };
  try {
    const weights = await loadBackboneWeights('resnet50v2', { taps: DEFAULT_TAPS.resnet50v2 }, { modelsDir: configuredModelsDir ?? undefined });
    return { name: 'resnet50v2', weights, source: `pretrained weights from ${weights.label}` };
  } catch (e) {
    if (choice === 'resnet50v2') throw e;
    return { name: 'filterbank', source: `weights-free filter bank (ResNet-50 v2 unavailable: ${(e as Error).message})` };
  }
}
