import { ReconstructionScorer } from './reconstruction-scorer';

export interface BestCentreOptions {
  /** Grid of g x g extra starting points over the boundary's bounding box (default 9). */
  grid?: number;
  /** Pattern-search refinements started from the best few candidates (default 3). */
  refine?: number;
  /** Stop refining below this step in pixels (default 0.25). */
  minStep?: number;
  /** First refinement step as a fraction of a grid cell (default 0.5). */
  firstStep?: number;
}

/**
 * The ray centre that maximises reconstruction IoU: PolarMask fixes the centre at the mass centre,
 * but for non-convex shapes the centre decides how much of the outline the rays can see. Candidates
 * (the given starts plus a grid over the bounding box) are scored, then the best few are refined by
 * a compass pattern search (8 directions, step halved when no neighbour improves).
 */
export function bestCentre(scorer: ReconstructionScorer, starts: readonly (readonly [number, number])[], options: BestCentreOptions = {}): { centre: [number, number]; iou: number } {
  const g = options.grid ?? 9;
  const refine = options.refine ?? 3;
  const minStep = options.minStep ?? 0.25;
  const firstStep = options.firstStep ?? 0.5;
  const b = scorer.boundary;
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (let i = 0; i < b.length; i += 2) {
    x0 = Math.min(x0, b[i]); x1 = Math.max(x1, b[i]);
    y0 = Math.min(y0, b[i + 1]); y1 = Math.max(y1, b[i + 1]);
  }
  if (!(x1 >= x0)) throw new Error('bestCentre: the boundary polygon is empty');
  // Step 1: score the starts and a grid of candidates.
  const cands: { x: number; y: number; iou: number }[] = [];
  const score = (x: number, y: number) => cands.push({ x, y, iou: scorer.iou(x, y) });
  for (const [x, y] of starts) score(x, y);
  for (let i = 0; i < g; i++) for (let j = 0; j < g; j++) score(x0 + ((x1 - x0) * (i + 0.5)) / g, y0 + ((y1 - y0) * (j + 0.5)) / g);
  cands.sort((p, q) => q.iou - p.iou);
  // Step 2: pattern search from the best few.
  let best = cands[0];
  const DIRS = [[1, 0], [-1, 0], [0, 1], [0, -1], [1, 1], [1, -1], [-1, 1], [-1, -1]];
  for (let r = 0; r < Math.min(refine, cands.length); r++) {
    let { x, y, iou } = cands[r];
    let step = (firstStep * Math.max(x1 - x0, y1 - y0)) / g;
    for (let iter = 0; step >= minStep && iter < 400; iter++) {
      let bx = x, by = y, bi = iou;
      for (const [dx, dy] of DIRS) {
        const v = scorer.iou(x + dx * step, y + dy * step);
        if (v > bi + 1e-12) { bi = v; bx = x + dx * step; by = y + dy * step; }
      }
      if (bi > iou) { x = bx; y = by; iou = bi; } else step /= 2;
    }
    if (iou > best.iou) best = { x, y, iou };
  }
  return { centre: [best.x, best.y], iou: best.iou };
}
