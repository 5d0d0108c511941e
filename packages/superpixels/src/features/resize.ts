import { checkFeatureMap, checkImage8, checkLabels, FeatureMap, Image8, LabelMap } from '../types';

/** For each output index, the first source index of its box: floor(o * src / dst). */
function boxStarts(src: number, dst: number): Int32Array {
  const s = new Int32Array(dst + 1);
  for (let o = 0; o <= dst; o++) s[o] = Math.floor((o * src) / dst);
  // Every output cell covers at least one source cell (only matters when dst > src).
  for (let o = 0; o < dst; o++) if (s[o + 1] <= s[o]) s[o + 1] = Math.min(src, s[o] + 1);
  return s;
}

/**
 * Shrinks a feature map to `width` x `height` by averaging each output cell's box of source
 * pixels (box edges at floor(o * src / dst)), the usual area down-sampling before running SLIC on
 * a coarser grid.
 */
export function downsampleFeatures(features: FeatureMap, width: number, height: number): FeatureMap {
  checkFeatureMap(features);
  const { data, channels: C, width: W, height: H } = features;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1 || width > W || height > H) {
    throw new Error(`downsampleFeatures: target ${width}x${height} must be positive integers no larger than the source ${W}x${H}`);
  }
  const xs = boxStarts(W, width);
  const ys = boxStarts(H, height);
  const out = new Float32Array(C * width * height);
  const row = new Float64Array(width);
  for (let c = 0; c < C; c++) {
    const plane = c * W * H;
    const outPlane = c * width * height;
    for (let oy = 0; oy < height; oy++) {
      row.fill(0);
      const y0 = ys[oy];
      const y1 = Math.max(ys[oy + 1], y0 + 1);
      for (let y = y0; y < y1; y++) {
        const base = plane + y * W;
        for (let ox = 0; ox < width; ox++) {
          let s = 0;
          const x1 = Math.max(xs[ox + 1], xs[ox] + 1);
          for (let x = xs[ox]; x < x1; x++) s += data[base + x];
          row[ox] += s;
        }
      }
      for (let ox = 0; ox < width; ox++) {
        const area = (y1 - y0) * (Math.max(xs[ox + 1], xs[ox] + 1) - xs[ox]);
        out[outPlane + oy * width + ox] = row[ox] / area;
      }
    }
  }
  return { data: out, channels: C, height, width };
}

/**
 * Nearest-neighbour resize of a label map to `width` x `height` (each output pixel takes the label
 * under its centre). Up-sampling keeps every label's 4-connectivity; `count` is carried over, so
 * after a down-sampling that drops a label run `enforceConnectivity` to re-number.
 */
export function resizeLabelsNearest(map: LabelMap, width: number, height: number): LabelMap {
  checkLabels(map.labels, map.width, map.height);
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new Error(`resizeLabelsNearest: target size must be positive integers, got ${width}x${height}`);
  }
  const { labels, width: w, height: h } = map;
  const colSrc = new Int32Array(width);
  for (let x = 0; x < width; x++) colSrc[x] = Math.min(w - 1, Math.floor(((x + 0.5) * w) / width));
  const out = new Int32Array(width * height);
  for (let y = 0; y < height; y++) {
    const sy = Math.min(h - 1, Math.floor(((y + 0.5) * h) / height));
    const src = sy * w;
    const dst = y * width;
    for (let x = 0; x < width; x++) out[dst + x] = labels[src + colSrc[x]];
  }
  return { labels: out, width, height, count: map.count };
}

/**
 * Shrinks an 8-bit image to `width` x `height` by box averaging (as `downsampleFeatures`),
 * rounding to bytes; alpha is averaged like any channel.
 */
export function downsampleImage(image: Image8, width: number, height: number): Image8 {
  checkImage8(image);
  const { data, channels: C, width: W, height: H } = image;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1 || width > W || height > H) {
    throw new Error(`downsampleImage: target ${width}x${height} must be positive integers no larger than the source ${W}x${H}`);
  }
  const xs = boxStarts(W, width);
  const ys = boxStarts(H, height);
  const out = new Uint8Array(width * height * C);
  const acc = new Float64Array(width * C);
  for (let oy = 0; oy < height; oy++) {
    acc.fill(0);
    const y0 = ys[oy];
    const y1 = Math.max(ys[oy + 1], y0 + 1);
    for (let y = y0; y < y1; y++) {
      const base = y * W * C;
      for (let ox = 0; ox < width; ox++) {
        const x1 = Math.max(xs[ox + 1], xs[ox] + 1);
        for (let x = xs[ox]; x < x1; x++) {
          const p = base + x * C;
          for (let c = 0; c < C; c++) acc[ox * C + c] += data[p + c];
        }
      }
    }
    for (let ox = 0; ox < width; ox++) {
      const area = (y1 - y0) * (Math.max(xs[ox + 1], xs[ox] + 1) - xs[ox]);
      for (let c = 0; c < C; c++) out[(oy * width + ox) * C + c] = Math.round(acc[ox * C + c] / area);
    }
  }
  return { data: out, width, height, channels: C };
}
