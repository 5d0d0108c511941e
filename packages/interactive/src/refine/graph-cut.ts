import { MaxFlow } from './max-flow';
import type { SuperpixelGraph } from './superpixel-graph';

export interface GraphCutOptions {
  /** Weight of the smoothness term per pixel of shared boundary (0 = the unaries alone). */
  smoothness?: number;
  /**
   * Colour contrast scale: an edge costs exp(-‖Δlab‖² / (2 σ²)) per boundary pixel; σ² defaults
   * to the mean ‖Δlab‖² over the image's edges (GrabCut's β, Rother et al. 2004).
   */
  colorSigma?: number;
  /** Probabilities are clamped to [eps, 1 - eps] before the log. */
  eps?: number;
}

/**
 * Binary graph cut on superpixels (Boykov & Jolly 2001, "Interactive graph cuts for optimal
 * boundary & region segmentation"): minimises Σ_v area_v·(-log p_v(label_v)) + Σ_uv w_uv [label_u ≠ label_v]
 * with w_uv = smoothness · boundary_uv · exp(-‖lab_u - lab_v‖² / 2σ²), exactly, by a minimum cut.
 * `fixed` holds hard constraints per superpixel: -1 free, 0 background, 1 foreground (clicked).
 * Returns 1/0 per superpixel.
 */
export function graphCutSuperpixels(graph: SuperpixelGraph, foreground: Float32Array, fixed: Int8Array, o: GraphCutOptions = {}): Uint8Array {
  const n = graph.count;
  if (foreground.length !== n || fixed.length !== n) throw new Error(`graph cut: ${foreground.length} probabilities and ${fixed.length} constraints for ${n} superpixels`);
  const smooth = o.smoothness ?? 1;
  const eps = o.eps ?? 1e-4;
  const m = graph.src.length;
  // Step 1: contrast scale from the mean squared colour difference of neighbours.
  const d2 = new Float64Array(m);
  let mean = 0;
  for (let e = 0; e < m; e++) {
    const a = 3 * graph.src[e], b = 3 * graph.dst[e];
    d2[e] = (graph.lab[a] - graph.lab[b]) ** 2 + (graph.lab[a + 1] - graph.lab[b + 1]) ** 2 + (graph.lab[a + 2] - graph.lab[b + 2]) ** 2;
    mean += d2[e];
  }
  const sigma2 = o.colorSigma !== undefined ? o.colorSigma ** 2 : Math.max(mean / Math.max(1, m), 1e-6);
  // Step 2: terminal links (source = foreground): cost of each label as capacities.
  const flow = new MaxFlow(n, m);
  let hard = 0;
  for (let e = 0; e < m; e++) hard += smooth * graph.boundary[e];
  hard = 2 * hard + 1;
  for (let v = 0; v < n; v++) {
    const p = Math.min(1 - eps, Math.max(eps, foreground[v]));
    let costFg = -graph.area[v] * Math.log(p);
    let costBg = -graph.area[v] * Math.log(1 - p);
    if (fixed[v] === 1) { costFg = 0; costBg = hard + costBg; } else if (fixed[v] === 0) { costBg = 0; costFg = hard + costFg; }
    // source = foreground: a node on the sink side (background) cuts its source link, which carries the background cost
    flow.addTerminal(v, costBg, costFg);
  }
  // Step 3: contrast-sensitive smoothness between touching superpixels.
  if (smooth > 0) {
    for (let e = 0; e < m; e++) {
      const w = smooth * graph.boundary[e] * Math.exp(-d2[e] / (2 * sigma2));
      flow.addEdge(graph.src[e], graph.dst[e], w, w);
    }
  }
  return flow.solve().sourceSide;
}
