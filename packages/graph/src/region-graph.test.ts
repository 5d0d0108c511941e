import { buildRegionGraph, graphAdjacencyDense, graphAdjacencySparse, vertexFeatureMatrix } from './region-graph';
import { columnStats, ColumnStatsAccumulator } from './region/standardize';
import { regionFeatureMap, voronoiLabelMap } from './synthetic/voronoi';

describe('buildRegionGraph', () => {
  const map = voronoiLabelMap(48, 48, 40, 11);
  const feats = regionFeatureMap(map, 5, 3, 0.2);

  it('puts adjacency, geometry, features and Gaussian weights together with sigma = 0.5 x median', () => {
    const g = buildRegionGraph(map, feats, { connectivity: 8 });
    expect(g.numVertices).toBe(map.count);
    expect(g.channels).toBe(5);
    expect(g.sigma).toBeCloseTo(0.5 * g.medianDistance, 6);
    for (let e = 0; e < g.src.length; e++) {
      let s = 0;
      for (let c = 0; c < 5; c++) s += (g.features[g.src[e] * 5 + c] - g.features[g.dst[e] * 5 + c]) ** 2;
      expect(g.distance[e]).toBeCloseTo(Math.sqrt(s), 5);
      expect(g.weight[e]).toBeCloseTo(Math.exp(-s / g.sigma ** 2), 5);
    }
    const dense = graphAdjacencyDense(g);
    const sparse = graphAdjacencySparse(g);
    expect(dense.dims).toEqual([g.numVertices, g.numVertices]);
    for (let k = 0; k < sparse.rows.length; k++) expect(sparse.values.data[k]).toBeCloseTo(dense.data[sparse.rows[k] * g.numVertices + sparse.cols[k]], 7);
  });

  it('standardises within the graph, with set statistics, or both side by side', () => {
    const geometry = { area: true, centroid: true };
    const g = buildRegionGraph(map, feats, { geometry, standardize: 'graph' });
    expect(g.channels).toBe(8);
    const s = columnStats(g.features, g.numVertices, 8);
    for (let c = 0; c < 8; c++) { expect(s.mean[c]).toBeCloseTo(0, 5); expect(s.std[c]).toBeCloseTo(1, 4); }
    // Set statistics from two "tiles".
    const other = voronoiLabelMap(48, 48, 40, 12);
    const acc = new ColumnStatsAccumulator(8);
    for (const [m, f] of [[map, feats], [other, regionFeatureMap(other, 5, 4, 0.2)]] as const) acc.add(vertexFeatureMatrix(m, f, geometry).features, m.count);
    const stats = acc.stats();
    const set = buildRegionGraph(map, feats, { geometry, standardize: 'set', stats });
    const raw = vertexFeatureMatrix(map, feats, geometry).features;
    expect(set.features[3]).toBeCloseTo((raw[3] - stats.mean[3]) / stats.std[3], 5);
    const both = buildRegionGraph(map, feats, { geometry, standardize: 'set+graph', stats });
    expect(both.channels).toBe(16);
    expect(both.features[16 + 3]).toBeCloseTo(set.features[8 + 3], 6);
    expect(both.features[16 + 8 + 3]).toBeCloseTo(g.features[8 + 3], 6);
    expect(() => buildRegionGraph(map, feats, { standardize: 'set' })).toThrow(/standardize 'set' needs column stats/);
  });

  it('uses an explicit sigma when given', () => {
    const g = buildRegionGraph(map, feats, { sigma: { sigma: 2 } });
    expect(g.sigma).toBe(2);
    expect(g.weight[0]).toBeCloseTo(Math.exp(-(g.distance[0] ** 2) / 4), 6);
  });
});
