import type { Tensor } from '@seg/tensor';
import { createNodeSession } from '@seg/runtime/node';
import type { GraphBuilder } from '../../builder/graph-builder';
import { serializeModel, SerializeOptions } from '../../proto/serialize';

/**
 * Test helper: serialises a builder's graph, runs it once in onnxruntime-node and returns every
 * output. Used by the loss, optimizer and training-step tests (never by product code).
 */
export async function runGraph(b: GraphBuilder, feeds: Record<string, Tensor>, options: SerializeOptions = {}): Promise<Record<string, Tensor>> {
  const session = await createNodeSession(serializeModel(b, options), { threads: 1 });
  try {
    return await session.run(feeds);
  } finally {
    await session.release();
  }
}
