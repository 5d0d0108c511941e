import { Rng } from '@seg/tensor';
import { Image8 } from '../types';

/**
 * Test fixtures: a piecewise-constant RGB image of rectangles and discs on a background, with its
 * exact region map as ground truth, plus optional Gaussian noise (seeded).
 */
export function shapesImage(width: number, height: number, noise = 0, seed = 1): { image: Image8; truth: Int32Array } {
  const truth = new Int32Array(width * height);
  const colours = [[200, 190, 170], [220, 40, 40], [30, 160, 60], [40, 60, 210], [240, 220, 30], [120, 40, 150]];
  const rects = [
    [0.08, 0.1, 0.45, 0.4],
    [0.55, 0.05, 0.92, 0.35],
    [0.1, 0.6, 0.4, 0.93],
  ];
  const discs = [
    [0.7, 0.7, 0.2],
    [0.45, 0.45, 0.1],
  ];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const u = (x + 0.5) / width;
      const v = (y + 0.5) / height;
      let r = 0;
      rects.forEach(([x0, y0, x1, y1], i) => { if (u >= x0 && u < x1 && v >= y0 && v < y1) r = 1 + i; });
      discs.forEach(([cx, cy, rad], i) => { if ((u - cx) ** 2 + (v - cy) ** 2 < rad * rad) r = 4 + i; });
      truth[y * width + x] = r;
    }
  }
  const rng = new Rng(seed);
  const data = new Uint8Array(width * height * 3);
  for (let i = 0; i < width * height; i++) {
    for (let c = 0; c < 3; c++) {
      const v = colours[truth[i]][c] + (noise > 0 ? rng.normal(0, noise) : 0);
      data[3 * i + c] = Math.max(0, Math.min(255, Math.round(v)));
    }
  }
  return { image: { data, width, height, channels: 3 }, truth };
}

/** Number of 4-connected components of each label (index = label). */
export function componentsPerLabel(labels: ArrayLike<number>, width: number, height: number): number[] {
  const n = width * height;
  const seen = new Uint8Array(n);
  const stack = new Int32Array(n);
  const counts: number[] = [];
  for (let s = 0; s < n; s++) {
    if (seen[s]) continue;
    const l = labels[s];
    counts[l] = (counts[l] ?? 0) + 1;
    let top = 0;
    stack[top++] = s;
    seen[s] = 1;
    while (top > 0) {
      const p = stack[--top];
      const x = p % width;
      const nb = [x > 0 ? p - 1 : -1, x + 1 < width ? p + 1 : -1, p >= width ? p - width : -1, p + width < n ? p + width : -1];
      for (const q of nb) {
        if (q >= 0 && !seen[q] && labels[q] === l) { seen[q] = 1; stack[top++] = q; }
      }
    }
  }
  return counts;
}
