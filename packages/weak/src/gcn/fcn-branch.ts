import type { LabelMap } from '@seg/graph';
import { resizeMap, Tensor } from '@seg/tensor';
import { FCN_BRANCH_CHANNELS } from './gcn-model';

/** One tile's input to the GCN's end-to-end FCN branch. */
export interface BranchInput {
  /** Standardised planes [5, h, w] at the branch scale. */
  planes: Float32Array;
  height: number;
  width: number;
  /** Superpixel (vertex) of each branch pixel, row-major. */
  pixelVertex: Int32Array;
}

/** Resizes a tile's standardised planes and its superpixel map to `scale` × the working size. */
export function branchInput(planes: Float32Array, width: number, height: number, map: LabelMap, scale: number): BranchInput {
  if (!(scale > 0 && scale <= 1)) throw new Error(`FCN branch scale must be in (0, 1], got ${scale}`);
  const w = Math.max(1, Math.round(width * scale)); const h = Math.max(1, Math.round(height * scale));
  if (w === width && h === height) return { planes, width, height, pixelVertex: map.labels };
  const p = resizeMap(new Tensor('float32', [FCN_BRANCH_CHANNELS, height, width], planes), { width: w, height: h }).data as Float32Array;
  const l = resizeMap(new Tensor('int32', [height, width], map.labels), { width: w, height: h, mode: 'nearest' }).data as Int32Array;
  return { planes: p, width: w, height: h, pixelVertex: l };
}

/**
 * Feeds of the branch for tiles laid out as one block graph: `pixels` [T, 5, h, w] (all tiles the
 * same size), `pixel_vertex` [T·h·w, 1] (global vertex ids) and `vertex_area` [N, 1] (branch pixels
 * per vertex, at least 1 so a superpixel too small to keep a branch pixel averages to 0).
 */
export function branchFeeds(inputs: readonly BranchInput[], offsets: Int32Array, numVertices: number): Record<string, Tensor> {
  const { height: h, width: w } = inputs[0];
  inputs.forEach((b, i) => {
    if (b.height !== h || b.width !== w) throw new Error(`the end-to-end FCN branch needs tiles of one size: tile ${i} is ${b.width}x${b.height} at the branch scale, tile 0 is ${w}x${h}`);
  });
  const T = inputs.length; const P = h * w;
  const pixels = new Float32Array(T * FCN_BRANCH_CHANNELS * P);
  const pv = new BigInt64Array(T * P);
  const area = new Float32Array(numVertices);
  inputs.forEach((b, i) => {
    pixels.set(b.planes, i * FCN_BRANCH_CHANNELS * P);
    for (let p = 0; p < P; p++) { const v = b.pixelVertex[p] + offsets[i]; pv[i * P + p] = BigInt(v); area[v]++; }
  });
  for (let v = 0; v < numVertices; v++) if (area[v] === 0) area[v] = 1;
  return {
    pixels: new Tensor('float32', [T, FCN_BRANCH_CHANNELS, h, w], pixels),
    pixel_vertex: new Tensor('int64', [T * P, 1], pv),
    vertex_area: new Tensor('float32', [numVertices, 1], area),
  };
}
