import { bestCentre, BestCentreOptions } from '../centre/best-centre';
import { distancePeak } from '../centre/distance-transform';
import { ReconstructionScorer } from '../centre/reconstruction-scorer';
import { outerBoundaryPolygon } from '../contour/boundary-polygon';
import { polygonCentroid } from '../geometry/polygon';
import { componentMassCentre, componentRuns, largestLabel, RunComponents } from '../mask/components';
import { checkMask, Mask } from '../mask/mask';
import { checkRayCount } from '../rays/angles';
import { castRays } from '../rays/cast-rays';

/**
 * Where the rays start: 'best' (default) searches for the centre whose reconstruction has the highest
 * IoU with the mask; 'mass' is the component's centre of mass (PolarMask's choice); 'peak' the
 * distance-transform maximum (always inside the object); 'centroid' the boundary polygon's area
 * centroid; or an explicit [x, y].
 */
export type CentreChoice = 'best' | 'mass' | 'peak' | 'centroid' | readonly [number, number];

export interface EncodeOptions {
  /** Number of rays (default 36, every 10 degrees). */
  rays?: number;
  centre?: CentreChoice;
  search?: BestCentreOptions;
}

export interface PolarEncoding {
  centre: [number, number];
  /** Ray k's length along 2 pi k / n (cos, sin) in image axes (x right, y down). */
  distances: Float32Array;
  /** The outer boundary the rays were cast to (pixel-edge polygon of the largest component). */
  boundary: Float64Array;
}

/**
 * Encodes a mask as n polar rays (PolarMask's representation, Xie et al., CVPR 2020): the largest
 * 8-connected component's exact outer boundary (pixel edges, holes ignored), a centre, and for each
 * ray the distance to the farthest boundary crossing, computed by exact ray-segment intersection.
 * Returns null for an empty mask.
 */
export function maskToPolar(mask: Mask, options: EncodeOptions = {}): PolarEncoding | null {
  checkMask(mask);
  const n = checkRayCount(options.rays ?? 36);
  // Step 1: the largest component and its exact outer boundary (traced on the mask itself: no other
  // component touches it).
  const comps = componentRuns(mask, 8);
  const label = largestLabel(comps);
  if (label === 0) return null;
  const first = comps.firstPixel[label];
  const boundary = outerBoundaryPolygon(mask, first % mask.width, Math.floor(first / mask.width));
  // Step 2: the centre.
  const choice = options.centre ?? 'best';
  let centre: [number, number];
  if (Array.isArray(choice)) {
    if (choice.length !== 2 || !choice.every(Number.isFinite)) throw new Error(`maskToPolar: centre must be [x, y], got ${JSON.stringify(choice)}`);
    centre = [choice[0], choice[1]];
  } else if (choice === 'mass') centre = componentMassCentre(comps, label);
  else if (choice === 'peak') centre = componentPeak(comps, label);
  else if (choice === 'centroid') centre = polygonCentroid(boundary) ?? componentMassCentre(comps, label);
  else if (choice === 'best') {
    const scorer = new ReconstructionScorer(boundary, mask, n);
    const starts: [number, number][] = [componentMassCentre(comps, label), componentPeak(comps, label)];
    const c = polygonCentroid(boundary);
    if (c) starts.push(c);
    centre = bestCentre(scorer, starts, options.search).centre;
  } else throw new Error(`maskToPolar: unknown centre '${String(choice)}'; expected best, mass, peak, centroid or [x, y]`);
  // Step 3: the rays.
  return { centre, distances: castRays(boundary, centre[0], centre[1], n), boundary };
}

/**
 * The distance-transform peak of one component, computed on its bounding box padded by one pixel:
 * the padding ring is background, so no nearer background lies outside the box.
 */
function componentPeak(c: RunComponents, label: number): [number, number] {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (let i = 0; i < c.numRuns; i++) {
    if (c.runLabel[i] !== label) continue;
    x0 = Math.min(x0, c.runX0[i]); x1 = Math.max(x1, c.runX1[i]);
    y0 = Math.min(y0, c.runY[i]); y1 = Math.max(y1, c.runY[i]);
  }
  const w = x1 - x0 + 3, h = y1 - y0 + 3;
  const data = new Uint8Array(w * h);
  for (let i = 0; i < c.numRuns; i++) {
    if (c.runLabel[i] !== label) continue;
    const o = (c.runY[i] - y0 + 1) * w - x0 + 1;
    data.fill(1, o + c.runX0[i], o + c.runX1[i] + 1);
  }
  const [px, py] = distancePeak({ data, width: w, height: h })!;
  return [px + x0 - 1, py + y0 - 1];
}
