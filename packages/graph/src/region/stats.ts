import type { LabelMap } from './label-map';

/**
 * Per-region geometry, in the conventions of scikit-image's regionprops: centroid as (row, col)
 * means of the member pixel coordinates; bounding box as (minRow, minCol, maxRow + 1, maxCol + 1).
 * A label with no pixels has area 0, centroid (0, 0) and box (0, 0, 0, 0).
 */
export interface RegionStats {
  numVertices: number;
  /** Pixel count of each region. */
  area: Int32Array;
  /** [N, 2] row-major: (row, col). */
  centroid: Float32Array;
  /** [N, 4] row-major: (minRow, minCol, maxRow + 1, maxCol + 1). */
  bbox: Int32Array;
}

/** Area, centroid and bounding box of every label in one pass over the map. */
export function regionStats(map: LabelMap): RegionStats {
  const { labels, height: H, width: W, count: N } = map;
  const area = new Int32Array(N);
  const sumR = new Float64Array(N);
  const sumC = new Float64Array(N);
  const bbox = new Int32Array(4 * N);
  for (let k = 0; k < N; k++) { bbox[4 * k] = H; bbox[4 * k + 1] = W; bbox[4 * k + 2] = -1; bbox[4 * k + 3] = -1; }
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const k = labels[y * W + x];
      if (k < 0 || k >= N) throw new Error(`label map: label ${k} at pixel (${y}, ${x}) is outside [0, ${N})`);
      area[k]++; sumR[k] += y; sumC[k] += x;
      const b = 4 * k;
      if (y < bbox[b]) bbox[b] = y;
      if (x < bbox[b + 1]) bbox[b + 1] = x;
      if (y >= bbox[b + 2]) bbox[b + 2] = y + 1;
      if (x >= bbox[b + 3]) bbox[b + 3] = x + 1;
    }
  }
  const centroid = new Float32Array(2 * N);
  for (let k = 0; k < N; k++) {
    if (area[k] === 0) { bbox.fill(0, 4 * k, 4 * k + 4); continue; }
    centroid[2 * k] = sumR[k] / area[k];
    centroid[2 * k + 1] = sumC[k] / area[k];
  }
  return { numVertices: N, area, centroid, bbox };
}
