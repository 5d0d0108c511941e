import { roundCount } from '@seg/graph';

/**
 * Area-ratio pseudo-labels at pixel level (method 1's self-training rounds): of the tile's pixels
 * ranked by probability, the top round((r − e)·n) are foreground, the bottom round((1 − r − e)·n)
 * background, the rest ignored (-1). Ranking is by value thresholds found on a sorted copy, so
 * pixels tied at a threshold all fall on the same side.
 */
export function pixelRatioLabels(prob: Float32Array, ratio: number, error: number): Int8Array {
  if (!(ratio >= 0 && ratio <= 1)) throw new Error(`pixel labels: area ratio must be in [0, 1], got ${ratio}`);
  if (!(error >= 0)) throw new Error(`pixel labels: error must be >= 0, got ${error}`);
  const n = prob.length;
  const out = new Int8Array(n).fill(-1);
  if (n === 0) return out;
  const sorted = Float32Array.from(prob).sort();
  const nFg = Math.min(n, Math.max(0, roundCount((ratio - error) * n)));
  const nBg = Math.min(n - nFg, Math.max(0, roundCount((1 - ratio - error) * n)));
  const hi = nFg > 0 ? sorted[n - nFg] : Infinity; // foreground: prob >= hi
  const lo = nBg > 0 ? sorted[nBg - 1] : -Infinity; // background: prob <= lo
  for (let p = 0; p < n; p++) {
    if (prob[p] >= hi) out[p] = 1;
    else if (prob[p] <= lo) out[p] = 0;
  }
  return out;
}

/**
 * Seeds of the size-loss baseline from a prior ranking of vertices: the top-ranked vertices
 * covering `fraction` × r of the tile are foreground, the bottom ones covering `fraction` × (1 − r)
 * background (the "few labelled pixels" that Kervadec et al.'s partial cross-entropy needs).
 */
export function seedLabels(scores: ArrayLike<number>, area: Int32Array, ratio: number, fraction: number): Int8Array {
  const n = scores.length;
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => (scores[b] - scores[a]) || (a - b));
  let total = 0;
  for (let i = 0; i < n; i++) total += area[i];
  const out = new Int8Array(n).fill(-1);
  let acc = 0;
  for (let i = 0; i < n && acc < fraction * ratio * total; i++) { out[order[i]] = 1; acc += area[order[i]]; }
  acc = 0;
  for (let i = n - 1; i >= 0 && out[order[i]] === -1 && acc < fraction * (1 - ratio) * total; i--) { out[order[i]] = 0; acc += area[order[i]]; }
  return out;
}

/**
 * Ignores (sets to -1) every labelled pixel within `radius` pixels (8-neighbourhood steps) of a
 * pixel of the other class. Superpixel labels painted on pixels are least reliable along the
 * object outlines (a superpixel straddling a nucleus edge takes one label for both sides), so
 * the pixel FCN learns from the inside of the regions and decides the outlines itself.
 */
export function ignoreLabelBoundaries(labels: Int8Array, width: number, height: number, radius: number): Int8Array {
  if (!Number.isInteger(radius) || radius < 0) throw new Error(`ignoreLabelBoundaries: radius must be an integer >= 0, got ${radius}`);
  if (labels.length !== width * height) throw new Error(`ignoreLabelBoundaries: expected ${width}x${height} labels, got ${labels.length}`);
  const out = Int8Array.from(labels);
  if (radius === 0) return out;
  // Step 1: pixels with a neighbour of the other class (the outline, both sides).
  let mark = new Uint8Array(labels.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const l = labels[y * width + x];
      if (l < 0) continue;
      for (let dy = -1; dy <= 1 && !mark[y * width + x]; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= width) continue;
          const m = labels[yy * width + xx];
          if (m >= 0 && m !== l) { mark[y * width + x] = 1; break; }
        }
      }
    }
  }
  // Step 2: grow the outline by radius - 1 more steps.
  for (let r = 1; r < radius; r++) {
    const next = Uint8Array.from(mark);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        if (!mark[y * width + x]) continue;
        for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
          const yy = y + dy; const xx = x + dx;
          if (yy >= 0 && yy < height && xx >= 0 && xx < width) next[yy * width + xx] = 1;
        }
      }
    }
    mark = next;
  }
  for (let p = 0; p < out.length; p++) if (mark[p]) out[p] = -1;
  return out;
}
