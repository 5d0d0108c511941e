import type { InferenceSession, Tensor as OrtTensor } from 'onnxruntime-common';
import { fromOrt, specsOf, toOrt } from './convert';
import type { Feeds, Fetches, Session } from './session';
import { validateFeeds } from './validate';

type OrtTensorConstructor = new (type: never, data: never, dims: readonly number[]) => OrtTensor;

/**
 * seg's Session over an onnxruntime InferenceSession (node or web: both share onnxruntime-common's
 * API): feeds are validated by name, dtype and shape before they reach onnxruntime, so a bad feed
 * names the model and the input instead of failing deep inside the runtime.
 */
export function wrapOrtSession(session: InferenceSession, TensorCtor: OrtTensorConstructor, executionProvider: string, label: string): Session {
  const inputs = specsOf(session.inputMetadata);
  const outputs = specsOf(session.outputMetadata);
  const outputNames = new Set(outputs.map((o) => o.name));
  return {
    inputs,
    outputs,
    executionProvider,
    async run(feeds: Feeds, fetch?: readonly string[]): Promise<Fetches> {
      validateFeeds(inputs, feeds, label);
      const ortFeeds: Record<string, OrtTensor> = {};
      for (const [k, t] of Object.entries(feeds)) ortFeeds[k] = toOrt(TensorCtor, t);
      if (fetch) for (const f of fetch) if (!outputNames.has(f)) throw new Error(`${label}: unknown output '${f}'; outputs are ${[...outputNames].join(', ')}`);
      const res = fetch ? await session.run(ortFeeds, fetch as string[]) : await session.run(ortFeeds);
      const out: Fetches = {};
      for (const [k, v] of Object.entries(res)) out[k] = fromOrt(k, v);
      return out;
    },
    release: () => session.release(),
  };
}
