import { convGrads } from './rules/conv';
import { einsumGrad } from './rules/einsum';
import { elementwiseGrads } from './rules/elementwise';
import { indexingGrads } from './rules/indexing';
import { softmaxCrossEntropyGrad } from './rules/loss';
import { matmulGrads } from './rules/matmul';
import { miscGrads } from './rules/misc';
import { normalizationGrads } from './rules/normalization';
import { poolGrads } from './rules/pool';
import { reduceGrads } from './rules/reduce';
import { resizeGrad } from './rules/resize';
import { shapeGrads } from './rules/shape';
import { softmaxGrads } from './rules/softmax';
import { unaryGrads } from './rules/unary';
import type { GradRule } from './types';

/** Every backward rule, registered by one explicit list (nothing registers itself on import). */
const ALL: GradRule[] = [
  ...elementwiseGrads,
  ...unaryGrads,
  ...matmulGrads,
  ...reduceGrads,
  ...shapeGrads,
  ...softmaxGrads,
  ...convGrads,
  ...poolGrads,
  ...normalizationGrads,
  einsumGrad,
  resizeGrad,
  ...indexingGrads,
  ...miscGrads,
  softmaxCrossEntropyGrad,
];

const rules = new Map<string, GradRule>();
for (const r of ALL) {
  const key = `${r.domain ?? ''}::${r.opType}`;
  if (rules.has(key)) throw new Error(`gradient rule for ${r.opType} registered twice`);
  rules.set(key, r);
}

/** The backward rule of an op type, or undefined (the walker turns that into a named error). */
export function getGradRule(opType: string, domain = ''): GradRule | undefined {
  return rules.get(`${domain}::${opType}`);
}

/** Op types that have a backward rule, e.g. for docs and for checking a model before training. */
export function differentiableOps(): string[] {
  return [...rules.keys()].map((k) => k.replace(/^::/, '')).sort();
}
