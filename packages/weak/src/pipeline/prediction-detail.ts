import type { TileGraph } from '../gcn/tile-graph';
import type { TileSuperpixels } from '../superpixel/tile-superpixels';

/**
 * What the superpixel stage of a prediction saw, for display (the demo draws the superpixels, the
 * graph and the GCN's vertex scores): the label map at the working scale, one vertex per
 * superpixel at its centroid in the ORIGINAL image's pixel coordinates, and the region adjacency
 * with the Gaussian edge weights the GCN's Â was normalised from.
 */
export interface WeakPredictionDetail {
  /** Working-scale size (the label map's). */
  width: number;
  height: number;
  /** Superpixel label per working-scale pixel, row-major, labels 0..count-1. */
  labels: Int32Array;
  vertices: {
    count: number;
    /** Centroid of each superpixel in original-image pixel coordinates (pixel centres at integers). */
    x: Float32Array;
    y: Float32Array;
    /** The GCN's foreground probability of each superpixel. */
    probability: Float32Array;
  };
  /** Unique undirected pairs src[e] < dst[e] of touching superpixels (4-connectivity), weight exp(-d²/σ²). */
  edges: { src: Int32Array; dst: Int32Array; weight: Float32Array; sigma: number };
}

/**
 * Assembles the detail from what `tileSuperpixels` and `tileGraph` already computed (nothing is
 * recomputed). Centroids move from the working scale to the original one by the half-pixel rule
 * of the resizes (pixel centre c at scale s sits at (c + 0.5) / s - 0.5).
 */
export function predictionDetail(sp: TileSuperpixels, graph: TileGraph, vertexProbability: Float32Array, originalWidth: number, originalHeight: number): WeakPredictionDetail {
  const N = sp.map.count;
  if (vertexProbability.length !== N) throw new Error(`prediction detail: ${vertexProbability.length} vertex probabilities for ${N} superpixels`);
  if (graph.numVertices !== N) throw new Error(`prediction detail: the graph has ${graph.numVertices} vertices, the superpixels ${N}`);
  const sx = originalWidth / sp.map.width;
  const sy = originalHeight / sp.map.height;
  const x = new Float32Array(N);
  const y = new Float32Array(N);
  for (let v = 0; v < N; v++) {
    y[v] = (sp.centroid[2 * v] + 0.5) * sy - 0.5;
    x[v] = (sp.centroid[2 * v + 1] + 0.5) * sx - 0.5;
  }
  return {
    width: sp.map.width,
    height: sp.map.height,
    labels: sp.map.labels,
    vertices: { count: N, x, y, probability: vertexProbability },
    edges: graph.edges,
  };
}
