import { polarToPolygon } from '../decode/polar-to-polygon';
import { vertexCount } from '../geometry/polygon';
import { checkMask, Mask } from '../mask/mask';
import { scanPolygon } from '../raster/fill-polygon';
import { castRays } from '../rays/cast-rays';

/**
 * Scores a candidate centre by the IoU between `target` and the mask reconstructed from n rays cast
 * from that centre to `boundary` (rasterised at pixel centres). Every ray ends on the boundary, so
 * the reconstruction lies in the boundary's bounding box: row prefix sums of the target over that
 * box make each score O(E + rows * n), with intersections counted span by span.
 */
export class ReconstructionScorer {
  private readonly prefix: Int32Array;
  private readonly area: number;
  private readonly rays: Float32Array;
  private readonly poly: Float64Array;
  private readonly x0: number;
  private readonly y0: number;
  private readonly bw: number;
  private readonly bh: number;
  /** Number of centres scored so far. */
  evaluations = 0;

  constructor(readonly boundary: ArrayLike<number>, readonly target: Mask, readonly n: number) {
    checkMask(target, 'target');
    const { width: w, height: h, data } = target;
    const e = vertexCount(boundary, 'boundary');
    if (e < 3) throw new Error(`ReconstructionScorer: the boundary needs at least 3 vertices, got ${e}`);
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (let i = 0; i < e; i++) {
      minX = Math.min(minX, boundary[2 * i]); maxX = Math.max(maxX, boundary[2 * i]);
      minY = Math.min(minY, boundary[2 * i + 1]); maxY = Math.max(maxY, boundary[2 * i + 1]);
    }
    this.x0 = Math.max(0, Math.floor(minX)); this.y0 = Math.max(0, Math.floor(minY));
    const x1 = Math.min(w - 1, Math.ceil(maxX)), y1 = Math.min(h - 1, Math.ceil(maxY));
    this.bw = Math.max(0, x1 - this.x0 + 1); this.bh = Math.max(0, y1 - this.y0 + 1);
    this.prefix = new Int32Array(this.bh * (this.bw + 1));
    for (let y = 0; y < this.bh; y++) {
      const row = y * (this.bw + 1), src = (y + this.y0) * w + this.x0;
      for (let x = 0; x < this.bw; x++) this.prefix[row + x + 1] = this.prefix[row + x] + (data[src + x] !== 0 ? 1 : 0);
    }
    let area = 0;
    for (let i = 0; i < data.length; i++) if (data[i] !== 0) area++;
    this.area = area;
    this.rays = new Float32Array(n);
    this.poly = new Float64Array(2 * n);
  }

  /** Ray lengths from (cx, cy) (a view into scratch memory, valid until the next call). */
  distances(cx: number, cy: number): Float32Array {
    return castRays(this.boundary, cx, cy, this.n, this.rays);
  }

  iou(cx: number, cy: number): number {
    this.evaluations++;
    const d = this.distances(cx, cy);
    const poly = polarToPolygon(cx, cy, d, this.poly);
    const { width: w, height: h } = this.target;
    let inter = 0, filled = 0;
    const prefix = this.prefix, x0 = this.x0, y0 = this.y0, bw = this.bw, bh = this.bh;
    scanPolygon(poly, w, h, 'even-odd', (y, a, b) => {
      filled += b - a + 1;
      const yy = y - y0;
      if (yy < 0 || yy >= bh) return;
      const lo = Math.max(a - x0, 0), hi = Math.min(b - x0, bw - 1);
      if (hi >= lo) inter += prefix[yy * (bw + 1) + hi + 1] - prefix[yy * (bw + 1) + lo];
    });
    const union = filled + this.area - inter;
    return union > 0 ? inter / union : 1;
  }
}
