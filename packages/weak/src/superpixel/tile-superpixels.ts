import { LabelMap, labelMap, meanFeatures, regionStats, vertexFeatureMatrix } from '@seg/graph';
import { slic } from '@seg/superpixels';
import { Tensor } from '@seg/tensor';
import type { WorkingTile } from '../features/pixel-features';

export interface SuperpixelOptions {
  /** Requested SLIC segments per tile (methods.md: ~4000 on half-scale 1000x1000 tiles). */
  segments: number;
  /** SLIC compactness m in Lab units (default 10). */
  compactness?: number;
}

/** A tile's superpixels and their raw (unstandardised) mean features. */
export interface TileSuperpixels {
  map: LabelMap;
  area: Int32Array;
  /** [N, C] mean of the tile's feature map over each superpixel. */
  rawFeatures: Float32Array;
  channels: number;
  /** [N, 2] (row, col) centroid of each superpixel at the working scale (regionprops convention). */
  centroid: Float32Array;
}

/**
 * Superpixels of a tile by clustering its features: SLIC (Achanta et al., TPAMI 2012) on the Lab
 * planes of the feature map, so that compactness keeps its usual meaning.
 */
export function tileSuperpixels(tile: WorkingTile, o: SuperpixelOptions): TileSuperpixels {
  const segments = Math.min(o.segments, Math.floor((tile.width * tile.height) / 4));
  const sp = slic({ data: tile.lab, channels: 3, width: tile.width, height: tile.height }, { segments: Math.max(1, segments), compactness: o.compactness ?? 10 });
  const map = labelMap(sp.labels, tile.height, tile.width, sp.count);
  const stats = regionStats(map);
  const fm = new Tensor('float32', [tile.channels, tile.height, tile.width], tile.features);
  const raw = vertexFeatureMatrix(map, fm, {}, stats);
  return { map, area: stats.area, rawFeatures: raw.features, channels: raw.channels, centroid: stats.centroid };
}

/** Mean of a per-pixel map over each superpixel. */
export function vertexMeans(sp: TileSuperpixels, pixels: Float32Array): Float32Array {
  const { map } = sp;
  return meanFeatures(map, new Tensor('float32', [1, map.height, map.width], pixels), sp.area);
}
