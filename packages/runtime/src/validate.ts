import { shapeString } from '@seg/tensor';
import type { Feeds, IoSpec } from './session';

/**
 * Checks feeds against a model's inputs by name, dtype and shape. onnxruntime silently ignores
 * feed names that match no input, so a typo would otherwise run the model on stale defaults.
 */
export function validateFeeds(inputs: readonly IoSpec[], feeds: Feeds, model = 'model'): void {
  const known = new Set(inputs.map((i) => i.name));
  const unknown = Object.keys(feeds).filter((k) => !known.has(k));
  if (unknown.length) {
    throw new Error(`${model}: unknown feed(s) ${unknown.map((u) => `'${u}'`).join(', ')}; the model's inputs are ${inputs.map((i) => `'${i.name}'`).join(', ') || '(none)'}`);
  }
  for (const spec of inputs) {
    const t = feeds[spec.name];
    if (!t) throw new Error(`${model}: missing feed for input '${spec.name}' (${spec.dtype}${shapeString(spec.dims as number[])})`);
    if (t.dtype !== spec.dtype) throw new Error(`${model}: input '${spec.name}' expects ${spec.dtype}, got ${t.dtype}`);
    const ok = spec.dims.length === 0 && t.dims.length === 0
      || (spec.dims.length === t.dims.length && spec.dims.every((d, i) => typeof d !== 'number' || d < 0 || d === t.dims[i]));
    if (!ok && spec.dims.length > 0) {
      throw new Error(`${model}: input '${spec.name}' expects shape ${shapeString(spec.dims as number[])}, got ${shapeString(t.dims)}`);
    }
  }
}
