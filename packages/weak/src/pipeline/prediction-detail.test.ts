import { prepareTile } from '../features/pixel-features';
import { tileGraph } from '../gcn/tile-graph';
import { tileSuperpixels } from '../superpixel/tile-superpixels';
import { blobImage } from '../synthetic/blobs';
import { predictionDetail } from './prediction-detail';

/** A half-scale blob tile's superpixels, graph and the detail built from them. */
function setup() {
  const { image } = blobImage({ width: 96, height: 80, blobs: 6, radius: [5, 9], seed: 4 });
  const tile = prepareTile(image, 0.5);
  const sp = tileSuperpixels(tile, { segments: 60 });
  const graph = tileGraph(sp, null, { sigmaFactor: 0.5 });
  const prob = Float32Array.from({ length: sp.map.count }, (_, v) => (v % 7) / 7);
  return { image, tile, sp, graph, prob, detail: predictionDetail(sp, graph, prob, image.width, image.height) };
}

describe('predictionDetail', () => {
  const { tile, sp, graph, prob, detail } = setup();

  it('lists each pair of touching superpixels exactly once, src < dst (brute force over the label map)', () => {
    const { labels, width: w, height: h } = detail;
    expect([w, h]).toEqual([tile.width, tile.height]);
    const truth = new Set<string>();
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const a = labels[y * w + x];
        for (const b of [x + 1 < w ? labels[y * w + x + 1] : a, y + 1 < h ? labels[(y + 1) * w + x] : a]) {
          if (a !== b) truth.add(`${Math.min(a, b)}-${Math.max(a, b)}`);
        }
      }
    }
    const { src, dst } = detail.edges;
    const listed = new Set<string>();
    for (let e = 0; e < src.length; e++) {
      expect(src[e]).toBeLessThan(dst[e]);
      listed.add(`${src[e]}-${dst[e]}`);
    }
    expect(listed.size).toBe(src.length);
    expect(listed).toEqual(truth);
    // a connected superpixel segmentation of a tile: at least a spanning tree's worth of edges
    expect(src.length).toBeGreaterThanOrEqual(detail.vertices.count - 1);
  });

  it('weights every edge exp(-d²/σ²) of its standardised feature distance, σ = 0.5 × median d', () => {
    const { src, dst, weight, sigma } = detail.edges;
    const C = graph.channels;
    const d = Array.from(src, (u, e) => {
      let s = 0;
      for (let c = 0; c < C; c++) s += (graph.features[u * C + c] - graph.features[dst[e] * C + c]) ** 2;
      return Math.sqrt(s);
    });
    const sorted = [...d].sort((a, b) => a - b);
    const m = sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    expect(sigma).toBeCloseTo(0.5 * m, 4);
    d.forEach((di, e) => expect(weight[e]).toBeCloseTo(Math.exp(-(di * di) / (sigma * sigma)), 5));
    expect(Math.min(...weight)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...weight)).toBeLessThanOrEqual(1);
  });

  it('places each vertex at its superpixel centroid in original-image pixels and keeps its probability', () => {
    const { labels, width: w } = detail;
    const sum = new Float64Array(3 * detail.vertices.count);
    for (let p = 0; p < labels.length; p++) { const v = labels[p]; sum[3 * v] += p % w; sum[3 * v + 1] += Math.floor(p / w); sum[3 * v + 2]++; }
    for (let v = 0; v < detail.vertices.count; v++) {
      // working pixel centre c is at 2c + 0.5 in the original (scale ½, half-pixel centres)
      expect(detail.vertices.x[v]).toBeCloseTo(2 * (sum[3 * v] / sum[3 * v + 2]) + 0.5, 3);
      expect(detail.vertices.y[v]).toBeCloseTo(2 * (sum[3 * v + 1] / sum[3 * v + 2]) + 0.5, 3);
    }
    expect(detail.vertices.probability).toBe(prob);
    expect(detail.vertices.count).toBe(sp.map.count);
  });

  it('rejects probabilities that do not match the superpixels', () => {
    expect(() => predictionDetail(sp, graph, new Float32Array(3), 96, 80)).toThrow(/3 vertex probabilities for \d+ superpixels/);
  });
});
