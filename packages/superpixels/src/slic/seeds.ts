/**
 * Seed placement of SLIC (Achanta et al., TPAMI 2012, Algorithm 1): K cluster centres on a regular
 * grid of step S = sqrt(N / K), then each moved to the lowest-gradient position of its 3x3
 * neighbourhood so that no seed starts on an edge or a noisy pixel.
 */
export interface SeedGrid {
  /** Seeds per row and per column; count = nx * ny. */
  nx: number;
  ny: number;
  /** Grid steps in x and y (W / nx and H / ny): S per axis. */
  stepX: number;
  stepY: number;
}

/** The grid closest to `segments` cells of roughly square shape on a width x height image. */
export function seedGrid(width: number, height: number, segments: number): SeedGrid {
  const s = Math.sqrt((width * height) / segments);
  const nx = Math.min(width, Math.max(1, Math.round(width / s)));
  const ny = Math.min(height, Math.max(1, Math.round(height / s)));
  return { nx, ny, stepX: width / nx, stepY: height / ny };
}

/**
 * Squared gradient magnitude at (x, y) of an interleaved [H, W, C] map, by central differences
 * with clamped borders: ||F(x+1,y) - F(x-1,y)||^2 + ||F(x,y+1) - F(x,y-1)||^2 (the paper's G(x,y)).
 */
function gradient(feat: Float32Array, c: number, width: number, height: number, x: number, y: number): number {
  const xl = x > 0 ? x - 1 : x;
  const xr = x + 1 < width ? x + 1 : x;
  const yu = y > 0 ? y - 1 : y;
  const yd = y + 1 < height ? y + 1 : y;
  const l = (y * width + xl) * c;
  const r = (y * width + xr) * c;
  const u = (yu * width + x) * c;
  const d = (yd * width + x) * c;
  let g = 0;
  for (let k = 0; k < c; k++) {
    const dx = feat[r + k] - feat[l + k];
    const dy = feat[d + k] - feat[u + k];
    g += dx * dx + dy * dy;
  }
  return g;
}

/**
 * Fills the centres (x, y and C features each) of the grid seeds, optionally perturbed to the
 * 3x3 lowest-gradient position; ties keep the grid position, then raster order.
 */
export function placeSeeds(
  feat: Float32Array, c: number, width: number, height: number, grid: SeedGrid, perturb: boolean,
  cx: Float64Array, cy: Float64Array, cf: Float64Array,
): void {
  let k = 0;
  for (let j = 0; j < grid.ny; j++) {
    const y0 = Math.min(height - 1, Math.floor((j + 0.5) * grid.stepY));
    for (let i = 0; i < grid.nx; i++, k++) {
      const x0 = Math.min(width - 1, Math.floor((i + 0.5) * grid.stepX));
      let bx = x0;
      let by = y0;
      if (perturb) {
        let best = gradient(feat, c, width, height, x0, y0);
        for (let dy = -1; dy <= 1; dy++) {
          const y = y0 + dy;
          if (y < 0 || y >= height) continue;
          for (let dx = -1; dx <= 1; dx++) {
            const x = x0 + dx;
            if (x < 0 || x >= width || (dx === 0 && dy === 0)) continue;
            const g = gradient(feat, c, width, height, x, y);
            if (g < best) { best = g; bx = x; by = y; }
          }
        }
      }
      cx[k] = bx;
      cy[k] = by;
      const p = (by * width + bx) * c;
      for (let ch = 0; ch < c; ch++) cf[k * c + ch] = feat[p + ch];
    }
  }
}
