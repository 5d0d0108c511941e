import type { OpSchema } from '../builder/op-schema';
import { binarySchemas } from './binary';
import { castSchema } from './cast';
import { convSchema } from './conv';
import { matmulSchemas } from './matmul';
import { normalizationSchemas } from './normalization';
import { poolSchemas } from './pool';
import { reduceSchemas } from './reduce';
import { shapeSchemas } from './shape-ops';
import { softmaxSchemas } from './softmax';
import { unarySchemas } from './unary';
import { argReduceSchemas } from './arg-reduce';
import { col2imSchema } from './col2im';
import { convTransposeSchema } from './conv-transpose';
import { cumsumSchema } from './cumsum';
import { depthSpaceSchemas } from './depth-to-space';
import { dropoutSchema } from './dropout';
import { einsumSchema } from './einsum';
import { expandTileSchemas } from './expand-tile';
import { gatherSchemas } from './gather';
import { nonzeroSchema } from './nonzero';
import { oneHotSchema } from './one-hot';
import { padSchema } from './pad';
import { resizeSchema } from './resize';
import { roiAlignSchema } from './roi-align';
import { scatterSchemas } from './scatter';
import { shapeOfSchemas } from './shape';
import { sliceSchema } from './slice';
import { softmaxCrossEntropySchema } from './softmax-cross-entropy';
import { splitSchema } from './split';
import { topkSchema } from './topk';
import { variadicSchemas } from './variadic';
import { whereSchema } from './where';

/** Every op type the builder can emit, registered by one explicit list. */
const ALL: OpSchema[] = [
  ...binarySchemas,
  ...unarySchemas,
  convSchema,
  ...poolSchemas,
  ...normalizationSchemas,
  ...matmulSchemas,
  ...shapeSchemas,
  ...reduceSchemas,
  ...softmaxSchemas,
  castSchema,
  convTransposeSchema,
  resizeSchema,
  sliceSchema,
  splitSchema,
  padSchema,
  ...gatherSchemas,
  ...scatterSchemas,
  whereSchema,
  ...expandTileSchemas,
  ...shapeOfSchemas,
  einsumSchema,
  ...variadicSchemas,
  dropoutSchema,
  topkSchema,
  cumsumSchema,
  nonzeroSchema,
  ...argReduceSchemas,
  softmaxCrossEntropySchema,
  roiAlignSchema,
  col2imSchema,
  oneHotSchema,
  ...depthSpaceSchemas,
];

const registry = new Map<string, OpSchema>();
for (const s of ALL) {
  const key = `${s.domain ?? ''}::${s.opType}`;
  if (registry.has(key)) throw new Error(`op schema ${s.opType} registered twice`);
  registry.set(key, s);
}

export function getSchema(opType: string, domain = ''): OpSchema {
  const s = registry.get(`${domain}::${opType}`);
  if (!s) throw new Error(`op '${domain ? `${domain}.` : ''}${opType}' has no schema in @seg/onnx (add it to packages/onnx/src/ops/registry.ts)`);
  return s;
}

export function registeredOps(): string[] {
  return [...registry.keys()].map((k) => k.replace(/^::/, ''));
}
