import type { Tensor } from '@seg/tensor';
import type { LabelMap } from './label-map';
import type { RegionStats } from './stats';

/** A feature map [C, H, W] (or [1, C, H, W]) as a float tensor. */
export type FeatureMap = Tensor<'float32'> | Tensor<'float64'>;

/** Reads C from a [C, H, W] or [1, C, H, W] feature map and checks it matches the label map. */
export function featureChannels(features: FeatureMap, map: LabelMap): number {
  const d = features.dims;
  const ok = (d.length === 3 || (d.length === 4 && d[0] === 1)) && d[d.length - 2] === map.height && d[d.length - 1] === map.width;
  if (!ok) throw new Error(`feature map: expected shape [C, ${map.height}, ${map.width}] (or [1, C, ${map.height}, ${map.width}]) to match the label map, got [${d.join(', ')}]`);
  if (features.dtype !== 'float32' && features.dtype !== 'float64') throw new Error(`feature map: expected float32 or float64, got ${(features as Tensor).dtype}`);
  return d[d.length - 3];
}

/**
 * Mean feature vector of every region: [N, C] row-major, float32, accumulated in float64.
 * Regions with no pixels get zeros. One pass per channel over contiguous feature memory.
 */
export function meanFeatures(map: LabelMap, features: FeatureMap, area?: Int32Array): Float32Array {
  const C = featureChannels(features, map);
  const { labels, count: N } = map;
  const HW = map.height * map.width;
  const counts = area ?? new Int32Array(N);
  if (!area) for (let p = 0; p < HW; p++) counts[labels[p]]++;
  // Step 1: runs of equal labels along the rows (few per row for superpixels): summing a run in
  // registers avoids a memory round trip per pixel on sum[label].
  const runStart: number[] = [0];
  const runLabel: number[] = [];
  for (let p = 1; p <= HW; p++) {
    if (p === HW || labels[p] !== labels[p - 1]) { runLabel.push(labels[p - 1]); runStart.push(p); }
  }
  const starts = Int32Array.from(runStart);
  const owners = Int32Array.from(runLabel);
  // Step 2: four channels per pass (four independent add chains), float64 sums per region.
  const sums = new Float64Array(N * C);
  const f = features.data;
  if (f instanceof Float32Array) sumRuns(sums, starts, owners, f, C, HW);
  else sumRuns64(sums, starts, owners, f, C, HW);
  const out = new Float32Array(N * C);
  for (let k = 0; k < N; k++) {
    const n = counts[k];
    if (n === 0) continue;
    for (let c = 0; c < C; c++) out[k * C + c] = sums[k * C + c] / n;
  }
  return out;
}

// Two monomorphic copies of the hot loop (float32 and float64 planes) keep V8's accesses fast.
function sumRuns(sums: Float64Array, starts: Int32Array, owners: Int32Array, f: Float32Array, C: number, HW: number): void {
  const R = owners.length;
  for (let c = 0; c < C; c += 4) {
    const k = Math.min(4, C - c);
    const b0 = c * HW; const b1 = k > 1 ? b0 + HW : b0; const b2 = k > 2 ? b0 + 2 * HW : b0; const b3 = k > 3 ? b0 + 3 * HW : b0;
    for (let r = 0; r < R; r++) {
      let a0 = 0; let a1 = 0; let a2 = 0; let a3 = 0;
      for (let p = starts[r]; p < starts[r + 1]; p++) { a0 += f[b0 + p]; a1 += f[b1 + p]; a2 += f[b2 + p]; a3 += f[b3 + p]; }
      const o = owners[r] * C + c;
      sums[o] += a0;
      if (k > 1) sums[o + 1] += a1;
      if (k > 2) sums[o + 2] += a2;
      if (k > 3) sums[o + 3] += a3;
    }
  }
}
function sumRuns64(sums: Float64Array, starts: Int32Array, owners: Int32Array, f: Float64Array, C: number, HW: number): void {
  const R = owners.length;
  for (let c = 0; c < C; c += 4) {
    const k = Math.min(4, C - c);
    const b0 = c * HW; const b1 = k > 1 ? b0 + HW : b0; const b2 = k > 2 ? b0 + 2 * HW : b0; const b3 = k > 3 ? b0 + 3 * HW : b0;
    for (let r = 0; r < R; r++) {
      let a0 = 0; let a1 = 0; let a2 = 0; let a3 = 0;
      for (let p = starts[r]; p < starts[r + 1]; p++) { a0 += f[b0 + p]; a1 += f[b1 + p]; a2 += f[b2 + p]; a3 += f[b3 + p]; }
      const o = owners[r] * C + c;
      sums[o] += a0;
      if (k > 1) sums[o + 1] += a1;
      if (k > 2) sums[o + 2] += a2;
      if (k > 3) sums[o + 3] += a3;
    }
  }
}

/** Geometry columns that can be appended to the vertex features. */
export interface GeometryColumns {
  /** Area as a fraction of the image (area / (H·W)). */
  area?: boolean;
  /** Centroid as (row / H, col / W). */
  centroid?: boolean;
}

/** Number of columns `appendGeometry` adds. */
export const geometryWidth = (g: GeometryColumns = {}): number => (g.area ? 1 : 0) + (g.centroid ? 2 : 0);

/** Returns [N, C + k]: the features followed by the chosen normalised geometry columns. */
export function appendGeometry(features: Float32Array, channels: number, stats: RegionStats, size: { height: number; width: number }, which: GeometryColumns): Float32Array {
  const N = stats.numVertices;
  if (features.length !== N * channels) throw new Error(`appendGeometry: expected ${N} x ${channels} features, got ${features.length} values`);
  const k = geometryWidth(which);
  if (k === 0) return features;
  const C2 = channels + k;
  const out = new Float32Array(N * C2);
  const hw = size.height * size.width;
  for (let v = 0; v < N; v++) {
    out.set(features.subarray(v * channels, (v + 1) * channels), v * C2);
    let j = v * C2 + channels;
    if (which.area) out[j++] = stats.area[v] / hw;
    if (which.centroid) { out[j++] = stats.centroid[2 * v] / size.height; out[j++] = stats.centroid[2 * v + 1] / size.width; }
  }
  return out;
}
