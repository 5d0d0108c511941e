import { checkMask, Mask } from './mask';

/**
 * Connected components found from horizontal runs of object pixels (one pass over the pixels,
 * union-find over runs), numbered 1..count in raster order of their first pixel.
 */
export interface RunComponents {
  count: number;
  /** Pixel count of component k at index k (index 0 unused). */
  sizes: Int32Array;
  /** Raster index (y * width + x) of component k's first pixel: its top-left-most pixel. */
  firstPixel: Int32Array;
  /** Runs in raster order: row, first and last column, component. */
  runY: Int32Array;
  runX0: Int32Array;
  runX1: Int32Array;
  runLabel: Int32Array;
  numRuns: number;
}

export function componentRuns(mask: Mask, connectivity: 4 | 8 = 8): RunComponents {
  checkMask(mask);
  if (connectivity !== 4 && connectivity !== 8) throw new Error(`connected components: connectivity must be 4 or 8, got ${String(connectivity)}`);
  const { width: w, height: h, data } = mask;
  // Step 1: runs, row by row.
  let cap = 1024;
  let runY = new Int32Array(cap), runX0 = new Int32Array(cap), runX1 = new Int32Array(cap);
  const rowStart = new Int32Array(h + 1);
  let n = 0;
  for (let y = 0; y < h; y++) {
    rowStart[y] = n;
    const base = y * w;
    let x = 0;
    while (x < w) {
      while (x < w && data[base + x] === 0) x++;
      if (x >= w) break;
      const x0 = x;
      while (x < w && data[base + x] !== 0) x++;
      if (n === cap) {
        cap *= 2;
        const grow = (a: Int32Array) => { const b = new Int32Array(cap); b.set(a); return b; };
        runY = grow(runY); runX0 = grow(runX0); runX1 = grow(runX1);
      }
      runY[n] = y; runX0[n] = x0; runX1[n] = x - 1; n++;
    }
  }
  rowStart[h] = n;
  // Step 2: union runs that touch runs of the row above (diagonal contact counts with 8-connectivity).
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r];
    while (parent[i] !== r) { const next = parent[i]; parent[i] = r; i = next; }
    return r;
  };
  const reach = connectivity === 8 ? 1 : 0;
  for (let y = 1; y < h; y++) {
    let j = rowStart[y - 1];
    const jEnd = rowStart[y];
    for (let i = rowStart[y]; i < rowStart[y + 1]; i++) {
      while (j < jEnd && runX1[j] + reach < runX0[i]) j++;
      for (let k = j; k < jEnd && runX0[k] <= runX1[i] + reach; k++) {
        const a = find(i), b = find(k);
        if (a !== b) { if (a < b) parent[b] = a; else parent[a] = b; }
      }
    }
  }
  // Step 3: number the components in raster order of their first run.
  const label = new Int32Array(n);
  const rootLabel = new Int32Array(n);
  const sizes: number[] = [0];
  const first: number[] = [-1];
  let count = 0;
  for (let i = 0; i < n; i++) {
    const r = find(i);
    if (rootLabel[r] === 0) { rootLabel[r] = ++count; sizes.push(0); first.push(runY[i] * w + runX0[i]); }
    const l = rootLabel[r];
    label[i] = l;
    sizes[l] += runX1[i] - runX0[i] + 1;
  }
  return {
    count, sizes: Int32Array.from(sizes), firstPixel: Int32Array.from(first),
    runY: runY.subarray(0, n), runX0: runX0.subarray(0, n), runX1: runX1.subarray(0, n), runLabel: label, numRuns: n,
  };
}

export interface Components {
  /** 0 for background, 1..count for each connected component, numbered in raster order of first pixel. */
  labels: Int32Array;
  count: number;
  /** Pixel count of component k at index k (index 0 unused). */
  sizes: Int32Array;
  /** Raster index (y * width + x) of the first pixel of component k: its top-left-most pixel. */
  firstPixel: Int32Array;
}

/** Connected components of the nonzero pixels (8- or 4-connectivity) as a label image. */
export function labelComponents(mask: Mask, connectivity: 4 | 8 = 8): Components {
  const c = componentRuns(mask, connectivity);
  const labels = new Int32Array(mask.width * mask.height);
  for (let i = 0; i < c.numRuns; i++) {
    const o = c.runY[i] * mask.width;
    labels.fill(c.runLabel[i], o + c.runX0[i], o + c.runX1[i] + 1);
  }
  return { labels, count: c.count, sizes: c.sizes, firstPixel: c.firstPixel };
}

/** The component with the most pixels (the first in raster order on ties); 0 when there is none. */
export function largestLabel(c: RunComponents): number {
  if (c.count === 0) return 0;
  let best = 1;
  for (let k = 2; k <= c.count; k++) if (c.sizes[k] > c.sizes[best]) best = k;
  return best;
}

/** Component `label` drawn into a new mask of the given size. */
export function componentMask(c: RunComponents, label: number, width: number, height: number): Mask {
  const data = new Uint8Array(width * height);
  for (let i = 0; i < c.numRuns; i++) {
    if (c.runLabel[i] !== label) continue;
    const o = c.runY[i] * width;
    data.fill(1, o + c.runX0[i], o + c.runX1[i] + 1);
  }
  return { data, width, height };
}

/** Centre of mass (mean pixel centre) of component `label`, from its runs. */
export function componentMassCentre(c: RunComponents, label: number): [number, number] {
  let n = 0, sx = 0, sy = 0;
  for (let i = 0; i < c.numRuns; i++) {
    if (c.runLabel[i] !== label) continue;
    const len = c.runX1[i] - c.runX0[i] + 1;
    n += len;
    sx += (len * (c.runX0[i] + c.runX1[i])) / 2;
    sy += len * c.runY[i];
  }
  return [sx / n, sy / n];
}

/** The component with the most pixels (the first in raster order on ties), as its own mask; null when empty. */
export function largestComponent(mask: Mask, connectivity: 4 | 8 = 8): { mask: Mask; label: number; firstPixel: number; size: number } | null {
  const c = componentRuns(mask, connectivity);
  const best = largestLabel(c);
  if (best === 0) return null;
  return { mask: componentMask(c, best, mask.width, mask.height), label: best, firstPixel: c.firstPixel[best], size: c.sizes[best] };
}
