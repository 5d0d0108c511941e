import { Rng } from '@seg/tensor';
import { voronoiLabelMap } from '../synthetic/voronoi';
import { Connectivity, degrees, regionAdjacency } from './adjacency';
import { labelMap, LabelMap } from './label-map';

/** Brute-force reference: every pixel pair in the neighbourhood, in a Set of "u,v" keys. */
function referenceEdges(map: LabelMap, connectivity: Connectivity): string[] {
  const { labels, height: H, width: W } = map;
  const offs = connectivity === 4 ? [[0, 1], [1, 0], [0, -1], [-1, 0]] : [[0, 1], [1, 0], [0, -1], [-1, 0], [1, 1], [1, -1], [-1, 1], [-1, -1]];
  const set = new Set<string>();
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) for (const [dy, dx] of offs) {
    const yy = y + dy; const xx = x + dx;
    if (yy < 0 || yy >= H || xx < 0 || xx >= W) continue;
    const a = labels[y * W + x]; const b = labels[yy * W + xx];
    if (a !== b) set.add(`${Math.min(a, b)},${Math.max(a, b)}`);
  }
  return [...set].sort((p, q) => { const [a, b] = p.split(',').map(Number); const [c, d] = q.split(',').map(Number); return a - c || b - d; });
}

function randomLabels(h: number, w: number, k: number, seed: number): LabelMap {
  const rng = new Rng(seed);
  const labels = new Int32Array(h * w);
  for (let i = 0; i < labels.length; i++) labels[i] = rng.int(k);
  return labelMap(labels, h, w, k);
}

describe('regionAdjacency', () => {
  it('finds the edges of a hand-made map, with diagonal-only contacts only under 8-connectivity', () => {
    // 0 0 1
    // 0 2 1
    // 3 1 1     (3 touches 2 only at a corner)
    const map = labelMap(Int32Array.from([0, 0, 1, 0, 2, 1, 3, 1, 1]), 3, 3);
    const g4 = regionAdjacency(map, 4);
    expect([...g4.src].map((u, e) => [u, g4.dst[e]])).toEqual([[0, 1], [0, 2], [0, 3], [1, 2], [1, 3]]);
    const g8 = regionAdjacency(map, 8);
    expect([...g8.src].map((u, e) => [u, g8.dst[e]])).toEqual([[0, 1], [0, 2], [0, 3], [1, 2], [1, 3], [2, 3]]);
    expect([...degrees(g8)]).toEqual([3, 3, 3, 3]);
  });

  it.each([4, 8] as const)('matches a brute-force reference on random and Voronoi maps (%i-connectivity)', (c) => {
    const maps = [randomLabels(17, 23, 6, 1), randomLabels(9, 31, 40, 2), voronoiLabelMap(40, 53, 30, 3), labelMap(new Int32Array(12), 3, 4)];
    for (const map of maps) {
      const g = regionAdjacency(map, c);
      expect([...g.src].map((u, e) => `${u},${g.dst[e]}`)).toEqual(referenceEdges(map, c));
      // CSR: symmetric, ascending, and edgeOf points back at the right edge.
      for (let v = 0; v < g.numVertices; v++) {
        const list = [...g.neighbors.subarray(g.offsets[v], g.offsets[v + 1])];
        expect(list).toEqual([...list].sort((a, b) => a - b));
        for (let k = g.offsets[v]; k < g.offsets[v + 1]; k++) {
          const e = g.edgeOf[k]; const u = g.neighbors[k];
          expect([Math.min(u, v), Math.max(u, v)]).toEqual([g.src[e], g.dst[e]]);
        }
      }
      expect(g.offsets[g.numVertices]).toBe(2 * g.src.length);
    }
  });

  it('keeps labels that do not occur as isolated vertices', () => {
    const g = regionAdjacency(labelMap(Int32Array.from([0, 0, 3, 3]), 2, 2, 5), 4);
    expect(g.numVertices).toBe(5);
    expect([...g.src, ...g.dst]).toEqual([0, 3]);
    expect([...degrees(g)]).toEqual([1, 0, 0, 1, 0]);
  });

  it('rejects bad input with a clear message', () => {
    const map = labelMap(Int32Array.from([0, 1, 1, 0]), 2, 2);
    expect(() => regionAdjacency(map, 6 as Connectivity)).toThrow(/connectivity must be 4 or 8, got 6/);
    expect(() => regionAdjacency({ ...map, count: 1 }, 4)).toThrow(/label 1 is outside \[0, 1\)/);
    expect(() => labelMap(Int32Array.from([0, -1, 1, 0]), 2, 2)).toThrow(/labels must be >= 0, got -1 at pixel \(0, 1\)/);
    expect(() => labelMap(new Int32Array(5), 2, 2)).toThrow(/expected 2 x 2 = 4 labels, got 5/);
  });
});
