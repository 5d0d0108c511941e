import { regionAdjacency } from '../region/adjacency';
import { regionStats } from '../region/stats';
import { regionFeatureMap, voronoiLabelMap } from './voronoi';

describe('synthetic Voronoi label maps', () => {
  it('labels every pixel with its nearest seed, uses every label, and is reproducible', () => {
    const map = voronoiLabelMap(64, 96, 50, 3);
    expect(map.count).toBeGreaterThanOrEqual(45);
    expect(map.count).toBeLessThanOrEqual(55);
    const s = regionStats(map);
    expect(Math.min(...s.area)).toBeGreaterThan(0);
    expect(voronoiLabelMap(64, 96, 50, 3).labels).toEqual(map.labels);
    expect(voronoiLabelMap(64, 96, 50, 4).labels).not.toEqual(map.labels);
    // Voronoi cells of a jittered grid: a planar graph, mean degree near 6 (fewer at the border).
    const g = regionAdjacency(map, 8);
    const mean = (2 * g.src.length) / g.numVertices;
    expect(mean).toBeGreaterThan(4);
    expect(mean).toBeLessThan(6.5);
  });

  it('makes a feature map constant per region up to the noise', () => {
    const map = voronoiLabelMap(20, 20, 9, 1);
    const f = regionFeatureMap(map, 4, 2, 0);
    expect(f.dims).toEqual([4, 20, 20]);
    for (let p = 1; p < 400; p++) if (map.labels[p] === map.labels[0]) expect(f.data[p]).toBe(f.data[0]);
  });
});
