import {
  ColumnStats, concatColumns, edgeDistances, gaussianWeights, normalizedAdjacencySparse, regionAdjacency, standardizeColumns,
} from '@seg/graph';
import type { TileSuperpixels } from '../superpixel/tile-superpixels';

/** Graph settings of method 1. */
export interface GraphOptions {
  /** σ of the Gaussian edge kernel as a factor of the tile's median edge distance (default 0.5, methods.md). */
  sigmaFactor?: number;
}

/** One tile's GCN input: standardised vertex features and the normalised adjacency Â in COO form. */
export interface TileGraph {
  numVertices: number;
  /** [N, channels] standardised features: [set z-score | tile z-score], or the tile z-score alone. */
  features: Float32Array;
  channels: number;
  /** Â = D^-1/2 (A + I) D^-1/2 entries (rows = targets), self-loops included. */
  rows: Int32Array;
  cols: Int32Array;
  values: Float32Array;
  /** The region adjacency before normalisation: unique pairs src < dst of touching superpixels, weight exp(-d²/σ²). */
  edges: { src: Int32Array; dst: Int32Array; weight: Float32Array; sigma: number };
}

/**
 * Step 1 standardise the mean features within the tile (z-scores, or the given `tileStats`,
 * e.g. Otsu-centred ones), and (with `setStats`) also across the
 * training set, side by side (both helped in methods.md's runs); step 2 edges between touching superpixels weighted by
 * exp(-d²/σ²) of the Euclidean distance of their standardised features, σ = factor × median;
 * step 3 Kipf & Welling's symmetric normalisation with self-loops.
 */
export function tileGraph(sp: TileSuperpixels, setStats: ColumnStats | null, o: GraphOptions = {}, tileStats?: ColumnStats): TileGraph {
  const N = sp.map.count;
  const C = sp.channels;
  // Step 1: features (the tile's own standardisation alone when no set statistics are given).
  const own = standardizeColumns(sp.rawFeatures, N, C, tileStats);
  const x = setStats ? concatColumns(standardizeColumns(sp.rawFeatures, N, C, setStats), C, own, C, N) : own;
  const channels = setStats ? 2 * C : C;
  // Step 2: edge weights.
  const adj = regionAdjacency(sp.map, 4);
  const d = edgeDistances(x, channels, adj.src, adj.dst);
  const w = gaussianWeights(d, { factor: o.sigmaFactor ?? 0.5 });
  // Step 3: normalised adjacency.
  const a = normalizedAdjacencySparse({ numVertices: N, src: adj.src, dst: adj.dst, weight: w.weight });
  return {
    numVertices: N, features: x, channels, rows: a.rows, cols: a.cols, values: a.values.data,
    edges: { src: adj.src, dst: adj.dst, weight: w.weight, sigma: w.sigma },
  };
}

/** Several tile graphs as one block-diagonal graph (one full-batch step covers every tile). */
export interface BlockGraph {
  numVertices: number;
  numEntries: number;
  channels: number;
  features: Float32Array;
  /** int64 [2, E] = [rows; cols]. */
  indices: BigInt64Array;
  values: Float32Array;
  /** Vertex offset of each tile (length tiles + 1). */
  offsets: Int32Array;
}

export function blockGraph(graphs: readonly TileGraph[]): BlockGraph {
  if (graphs.length === 0) throw new Error('blockGraph: no tile graphs');
  const channels = graphs[0].channels;
  const offsets = new Int32Array(graphs.length + 1);
  let entries = 0;
  graphs.forEach((g, i) => {
    if (g.channels !== channels) throw new Error(`blockGraph: tile ${i} has ${g.channels} feature channels, tile 0 has ${channels}`);
    offsets[i + 1] = offsets[i] + g.numVertices;
    entries += g.rows.length;
  });
  const N = offsets[graphs.length];
  const features = new Float32Array(N * channels);
  const indices = new BigInt64Array(2 * entries);
  const values = new Float32Array(entries);
  let k = 0;
  graphs.forEach((g, i) => {
    const o = offsets[i];
    features.set(g.features, o * channels);
    for (let j = 0; j < g.rows.length; j++, k++) {
      indices[k] = BigInt(g.rows[j] + o);
      indices[entries + k] = BigInt(g.cols[j] + o);
      values[k] = g.values[j];
    }
  });
  return { numVertices: N, numEntries: entries, channels, features, indices, values, offsets };
}
