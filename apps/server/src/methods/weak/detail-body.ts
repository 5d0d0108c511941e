import { boundaryMask } from '@seg/superpixels';
import { resizeMap, Tensor } from '@seg/tensor';
import type { WeakPredictionDetail } from '@seg/weak';

/** The graph of a prediction as compact JSON: vertices [x, y, p] (original pixels), edges [i, j, w] with i < j. */
export interface DetailGraph {
  vertices: [number, number, number][];
  edges: [number, number, number][];
  sigma: number;
}

const round = (x: number, digits: number): number => { const k = 10 ** digits; return Math.round(x * k) / k; };

/**
 * One-pixel superpixel boundaries at the image's own size (255 on a boundary): the working-scale
 * label map is resized by nearest neighbour first, so the lines stay thin on a downscaled model.
 */
export function boundaryPixels(d: WeakPredictionDetail, width: number, height: number): Uint8Array {
  const labels = d.width === width && d.height === height
    ? d.labels
    : resizeMap(new Tensor('int32', [d.height, d.width], d.labels), { width, height, mode: 'nearest' }).data as Int32Array;
  const edge = boundaryMask(labels, width, height);
  for (let i = 0; i < edge.length; i++) edge[i] *= 255;
  return edge;
}

/** Vertices and edges rounded (0.1 px, 3 decimals) to keep a few-thousand-vertex graph small. */
export function detailGraph(d: WeakPredictionDetail): DetailGraph {
  const { x, y, probability, count } = d.vertices;
  const vertices = new Array<[number, number, number]>(count);
  for (let v = 0; v < count; v++) vertices[v] = [round(x[v], 1), round(y[v], 1), round(probability[v], 3)];
  const { src, dst, weight } = d.edges;
  const edges = new Array<[number, number, number]>(src.length);
  for (let e = 0; e < src.length; e++) edges[e] = [src[e], dst[e], round(weight[e], 3)];
  return { vertices, edges, sigma: round(d.edges.sigma, 4) };
}
