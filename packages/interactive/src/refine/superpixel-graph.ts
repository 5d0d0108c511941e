import type { LabelMap } from '@seg/superpixels';

/**
 * The superpixels of an image as a weighted graph, computed once per image: per superpixel its
 * area, centroid and mean CIELAB colour; per pair of touching superpixels the length of their
 * shared boundary (4-connected pixel pairs). The refinements (graph cut, geodesic distances,
 * connected components) work on this graph instead of on pixels.
 */
export interface SuperpixelGraph {
  superpixels: LabelMap;
  count: number;
  area: Int32Array;
  /** Centroid in image pixels, [count] each. */
  cx: Float32Array;
  cy: Float32Array;
  /** Mean CIELAB colour [count, 3] (L in 0..100). */
  lab: Float32Array;
  /** Edges with src < dst. */
  src: Int32Array;
  dst: Int32Array;
  /** Shared boundary length of each edge, in pixel pairs. */
  boundary: Float32Array;
  /** CSR neighbour lists: neighbours of v are nbr[offsets[v] .. offsets[v+1]), with their edge ids. */
  offsets: Int32Array;
  nbr: Int32Array;
  nbrEdge: Int32Array;
  /** Superpixels touching the image border. */
  onBorder: Uint8Array;
}

/** sRGB byte -> linear, once. */
let linear: Float64Array | null = null;
function srgbLinear(): Float64Array {
  if (linear) return linear;
  linear = new Float64Array(256);
  for (let i = 0; i < 256; i++) { const c = i / 255; linear[i] = c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; }
  return linear;
}

/** CIELAB (D65) of a linear-RGB triple, written to out[o..o+2]. */
function linearToLab(r: number, g: number, b: number, out: Float32Array, o: number): void {
  const x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
  const y = 0.2126729 * r + 0.7151522 * g + 0.072175 * b;
  const z = (0.0193339 * r + 0.119192 * g + 0.9503041 * b) / 1.08883;
  const f = (t: number): number => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  const fx = f(x), fy = f(y), fz = f(z);
  out[o] = 116 * fy - 16;
  out[o + 1] = 500 * (fx - fy);
  out[o + 2] = 200 * (fy - fz);
}

/**
 * Builds the superpixel graph of an RGB image (interleaved, 3 or 4 channels) and its label map.
 * Colour is averaged in linear RGB and converted to CIELAB once per superpixel.
 */
export function superpixelGraph(rgb: Uint8Array | Uint8ClampedArray, channels: number, sp: LabelMap): SuperpixelGraph {
  const { width: W, height: H, labels, count: n } = sp;
  if (labels.length !== W * H) throw new Error(`superpixel graph: label map has ${labels.length} labels for ${W}x${H}`);
  if (rgb.length !== W * H * channels) throw new Error(`superpixel graph: image has ${rgb.length} bytes, expected ${W}x${H}x${channels}`);
  // Step 1: area, centroid and mean linear colour per superpixel.
  const lut = srgbLinear();
  const area = new Int32Array(n);
  const sx = new Float64Array(n), sy = new Float64Array(n), sc = new Float64Array(3 * n);
  const onBorder = new Uint8Array(n);
  for (let y = 0, p = 0; y < H; y++) {
    for (let x = 0; x < W; x++, p++) {
      const l = labels[p];
      if (l < 0 || l >= n) throw new Error(`superpixel graph: label ${l} at pixel ${p} is outside [0, ${n})`);
      area[l]++; sx[l] += x; sy[l] += y;
      const o = p * channels;
      sc[3 * l] += lut[rgb[o]]; sc[3 * l + 1] += lut[rgb[o + 1]]; sc[3 * l + 2] += lut[rgb[o + 2]];
      if (x === 0 || y === 0 || x === W - 1 || y === H - 1) onBorder[l] = 1;
    }
  }
  const cx = new Float32Array(n), cy = new Float32Array(n), lab = new Float32Array(3 * n);
  for (let l = 0; l < n; l++) {
    const a = Math.max(1, area[l]);
    cx[l] = sx[l] / a; cy[l] = sy[l] / a;
    linearToLab(sc[3 * l] / a, sc[3 * l + 1] / a, sc[3 * l + 2] / a, lab, 3 * l);
  }
  // Step 2: boundary lengths of touching pairs (right and down neighbours), keyed u * n + v.
  const edgeOfKey = new Map<number, number>();
  const src: number[] = [], dst: number[] = [], len: number[] = [];
  const touch = (a: number, b: number): void => {
    const u = a < b ? a : b, v = a < b ? b : a;
    const key = u * n + v;
    const e = edgeOfKey.get(key);
    if (e === undefined) { edgeOfKey.set(key, src.length); src.push(u); dst.push(v); len.push(1); } else len[e]++;
  };
  for (let y = 0; y < H; y++) {
    const row = y * W;
    for (let x = 0; x < W; x++) {
      const a = labels[row + x];
      if (x + 1 < W && labels[row + x + 1] !== a) touch(a, labels[row + x + 1]);
      if (y + 1 < H && labels[row + W + x] !== a) touch(a, labels[row + W + x]);
    }
  }
  // Step 3: CSR neighbour lists.
  const m = src.length;
  const degree = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) { degree[src[e] + 1]++; degree[dst[e] + 1]++; }
  const offsets = new Int32Array(n + 1);
  for (let v = 0; v < n; v++) offsets[v + 1] = offsets[v] + degree[v + 1];
  const fill = offsets.slice(0, n);
  const nbr = new Int32Array(2 * m), nbrEdge = new Int32Array(2 * m);
  for (let e = 0; e < m; e++) {
    nbr[fill[src[e]]] = dst[e]; nbrEdge[fill[src[e]]++] = e;
    nbr[fill[dst[e]]] = src[e]; nbrEdge[fill[dst[e]]++] = e;
  }
  return {
    superpixels: sp, count: n, area, cx, cy, lab,
    src: Int32Array.from(src), dst: Int32Array.from(dst), boundary: Float32Array.from(len),
    offsets, nbr, nbrEdge, onBorder,
  };
}

/** Whether a refinement argument is a full superpixel graph (rather than a bare label map). */
export function isSuperpixelGraph(x: SuperpixelGraph | LabelMap): x is SuperpixelGraph {
  return (x as SuperpixelGraph).superpixels !== undefined && (x as SuperpixelGraph).lab !== undefined;
}

/** Mean of a per-pixel map over every region of a label map, [count]. */
export function regionMeans(map: LabelMap, perPixel: Float32Array): Float32Array {
  const { labels, count } = map;
  if (perPixel.length !== labels.length) throw new Error(`region means: ${perPixel.length} values for ${labels.length} pixels`);
  const sum = new Float64Array(count);
  const area = new Int32Array(count);
  for (let i = 0; i < labels.length; i++) { sum[labels[i]] += perPixel[i]; area[labels[i]]++; }
  const out = new Float32Array(count);
  for (let l = 0; l < count; l++) out[l] = area[l] ? sum[l] / area[l] : 0;
  return out;
}
