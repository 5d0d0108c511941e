import type { GraphBuilder } from '../builder/graph-builder';
import { declareState } from './model-state';

/**
 * Freezes parameters chosen by name (e.g. a GAN's discriminator inside the generator's step
 * graph, or a pretrained backbone): they get no gradient and no optimizer state. By default they
 * become constants of the step graph; with `fed: true` they are declared as model state that the
 * step graph takes as inputs and returns unchanged, so their current values can be fed each step
 * (the discriminator's weights as its own trainer updates them). Returns the frozen names.
 */
export function freezeParameters(b: GraphBuilder, select: (name: string) => boolean, options: { fed?: boolean } = {}): string[] {
  const frozen: string[] = [];
  for (const [name, p] of b.parameters) {
    if (!p.trainable || !select(name)) continue;
    p.trainable = false;
    if (options.fed) declareState(p.value);
    frozen.push(name);
  }
  return frozen;
}
