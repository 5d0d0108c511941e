import type { ColumnStats } from '@seg/graph';
import { BASE_CHANNELS, WorkingTile } from '../features/pixel-features';
import { planeOtsuStats, rowOtsuStats } from '../features/otsu-normalize';
import type { ChannelStats } from '../pixel/pixel-input';
import { pixelInput, pixelInputStats } from '../pixel/pixel-input';
import type { TileSuperpixels } from '../superpixel/tile-superpixels';
import type { Standardize } from './config';

/** Index of the unsmoothed haematoxylin channel in the feature map (the key of the Otsu split). */
export const HAEMATOXYLIN_CHANNEL = 3;

const asColumnStats = (s: ChannelStats): ColumnStats => ({ mean: Float64Array.from(s.mean), std: Float64Array.from(s.std) });

/** The tile's own statistics for its vertex features (undefined = plain z-scores). */
export function vertexTileStats(mode: Standardize, sp: TileSuperpixels): ColumnStats | undefined {
  return mode === 'otsu' ? asColumnStats(rowOtsuStats(sp.rawFeatures, sp.map.count, sp.channels, HAEMATOXYLIN_CHANNEL, sp.area)) : undefined;
}

/** The pixel FCN's input planes of a tile under a standardisation mode (`setStats` for 'set+tile'). */
export function standardizedPixelInput(mode: Standardize, tile: WorkingTile, setStats: ChannelStats | null): Float32Array {
  if (mode === 'otsu') return pixelInput(tile, planeOtsuStats(tile.features, BASE_CHANNELS, tile.width * tile.height, HAEMATOXYLIN_CHANNEL));
  if (mode === 'tile' || !setStats) return pixelInput(tile, pixelInputStats([tile]));
  return pixelInput(tile, setStats);
}
