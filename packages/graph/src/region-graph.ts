import { normalizedAdjacencyDense, normalizedAdjacencySparse, NormalizeOptions, SparseAdjacency } from './adjacency/normalize';
import type { Tensor } from '@seg/tensor';
import { Connectivity, RegionAdjacency, regionAdjacency } from './region/adjacency';
import { appendGeometry, FeatureMap, featureChannels, GeometryColumns, geometryWidth, meanFeatures } from './region/features';
import type { LabelMap } from './region/label-map';
import { ColumnStats, concatColumns, standardizeColumns } from './region/standardize';
import { RegionStats, regionStats } from './region/stats';
import { edgeDistances } from './weights/distance';
import { DEFAULT_SIGMA_FACTOR, gaussianWeights, SigmaRule } from './weights/gaussian';

/**
 * How vertex features are standardised (per column z-scores):
 * - 'none': raw means;
 * - 'graph': with this graph's own column statistics (within one tile);
 * - 'set': with statistics gathered over a whole set (pass `stats`, e.g. from a
 *   ColumnStatsAccumulator fed with `vertexFeatureMatrix` of every tile);
 * - 'set+graph': both versions side by side ([set z | graph z], twice the columns). Applying the
 *   two one after the other would equal 'graph' alone, since a per-column z-score undoes any
 *   earlier per-column affine map.
 */
export type StandardizeMode = 'none' | 'graph' | 'set' | 'set+graph';

export interface RegionGraphOptions {
  connectivity?: Connectivity;
  /** Normalised geometry columns appended to the mean features (before standardising). */
  geometry?: GeometryColumns;
  standardize?: StandardizeMode;
  /** Column statistics for 'set' and 'set+graph'. */
  stats?: ColumnStats;
  /** σ of the edge kernel: { factor } × median edge distance (default 0.5) or an explicit { sigma }. */
  sigma?: SigmaRule;
}

/** Method 1's superpixel graph: adjacency, region geometry, vertex features and edge weights. */
export interface RegionGraph extends RegionAdjacency, RegionStats {
  height: number;
  width: number;
  /** Columns of `features`. */
  channels: number;
  /** [N, channels] row-major vertex features, as used for the edge distances. */
  features: Float32Array;
  /** Euclidean feature distance of each edge. */
  distance: Float32Array;
  /** exp(-d² / σ²) of each edge. */
  weight: Float32Array;
  sigma: number;
  medianDistance: number;
}

/** The unstandardised vertex feature matrix (mean features + geometry) and its column count. */
export function vertexFeatureMatrix(map: LabelMap, features: FeatureMap, geometry: GeometryColumns = {}, stats: RegionStats = regionStats(map)): { features: Float32Array; channels: number } {
  const C = featureChannels(features, map);
  const mean = meanFeatures(map, features, stats.area);
  const out = appendGeometry(mean, C, stats, map, geometry);
  return { features: out, channels: C + geometryWidth(geometry) };
}

/**
 * Builds the region graph of a label map over a [C, H, W] feature map: step 1 adjacency,
 * step 2 region geometry and mean features (+ geometry columns), step 3 standardisation,
 * step 4 Gaussian edge weights exp(-d²/σ²) on the feature distances.
 */
export function buildRegionGraph(map: LabelMap, features: FeatureMap, options: RegionGraphOptions = {}): RegionGraph {
  // Step 1: who touches whom.
  const adj = regionAdjacency(map, options.connectivity ?? 4);
  // Step 2: geometry and mean features.
  const stats = regionStats(map);
  const raw = vertexFeatureMatrix(map, features, options.geometry ?? {}, stats);
  // Step 3: standardise.
  const N = map.count;
  let x = raw.features;
  let channels = raw.channels;
  const mode = options.standardize ?? 'none';
  if ((mode === 'set' || mode === 'set+graph') && !options.stats) throw new Error(`standardize '${mode}' needs column stats (options.stats)`);
  if (mode === 'graph') x = standardizeColumns(x, N, channels);
  else if (mode === 'set') x = standardizeColumns(x, N, channels, options.stats);
  else if (mode === 'set+graph') {
    x = concatColumns(standardizeColumns(x, N, channels, options.stats), channels, standardizeColumns(x, N, channels), channels, N);
    channels *= 2;
  } else if (mode !== 'none') throw new Error(`unknown standardize mode '${String(mode)}'; expected none, graph, set or set+graph`);
  // Step 4: edge weights.
  const distance = edgeDistances(x, channels, adj.src, adj.dst);
  const w = gaussianWeights(distance, options.sigma ?? { factor: DEFAULT_SIGMA_FACTOR });
  return {
    ...adj, ...stats, height: map.height, width: map.width, channels, features: x, distance,
    weight: w.weight, sigma: w.sigma, medianDistance: w.medianDistance,
  };
}

/** Â of a region graph (weighted by its edge weights) as a dense [N, N] tensor. */
export const graphAdjacencyDense = (g: RegionGraph, options?: NormalizeOptions): Tensor<'float32'> =>
  normalizedAdjacencyDense({ numVertices: g.numVertices, src: g.src, dst: g.dst, weight: g.weight }, options);

/** Â of a region graph (weighted by its edge weights) in sparse COO form. */
export const graphAdjacencySparse = (g: RegionGraph, options?: NormalizeOptions): SparseAdjacency =>
  normalizedAdjacencySparse({ numVertices: g.numVertices, src: g.src, dst: g.dst, weight: g.weight }, options);
