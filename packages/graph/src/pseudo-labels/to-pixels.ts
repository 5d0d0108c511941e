import type { LabelMap } from '../region/label-map';

type VertexArray = Int8Array | Uint8Array | Int32Array | Float32Array | Float64Array;

/**
 * Paints per-vertex values back onto the pixels through the label map: out[p] = values[label[p]],
 * in an array of the same type (vertex labels -> pixel mask, vertex scores -> probability map).
 */
export function vertexToPixels<T extends VertexArray>(map: LabelMap, values: T): T {
  if (values.length !== map.count) throw new Error(`vertexToPixels: ${values.length} vertex values for a label map of ${map.count} vertices`);
  const { labels } = map;
  const out = new (values.constructor as new (n: number) => T)(labels.length);
  for (let p = 0; p < labels.length; p++) out[p] = values[labels[p]];
  return out;
}

/** Pixel mask of vertex pseudo-labels: 1 foreground, 0 background, -1 unlabelled. */
export const pixelLabels = (map: LabelMap, vertexLabels: Int8Array): Int8Array => vertexToPixels(map, vertexLabels);

/** Pixel probability map from vertex scores (pass probabilities, e.g. sigmoid outputs). */
export const pixelScores = (map: LabelMap, scores: Float32Array): Float32Array => vertexToPixels(map, scores);
