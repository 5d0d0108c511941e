import type { SuperpixelGraph } from './superpixel-graph';

/**
 * Geodesic distance on the superpixel graph from a set of seed superpixels (Dijkstra with a binary
 * heap): an edge costs its colour difference ‖Δlab‖ plus `stepCost`, so a region is "near" a click
 * when it is reachable without crossing colour edges (Criminisi et al. 2008, "GeoS: Geodesic
 * Image Segmentation"; Bai & Sapiro 2007). Unreachable superpixels (no seeds) get Infinity.
 */
export function geodesicDistance(graph: SuperpixelGraph, seeds: readonly number[], stepCost = 1): Float32Array {
  const n = graph.count;
  const dist = new Float32Array(n).fill(Infinity);
  const heapNode = new Int32Array(graph.nbr.length + seeds.length + 1);
  const heapKey = new Float64Array(heapNode.length);
  let size = 0;
  const push = (v: number, d: number): void => {
    let i = size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heapKey[parent] <= d) break;
      heapNode[i] = heapNode[parent]; heapKey[i] = heapKey[parent];
      i = parent;
    }
    heapNode[i] = v; heapKey[i] = d;
  };
  const pop = (): number => {
    const top = heapNode[0];
    const lastNode = heapNode[--size], lastKey = heapKey[size];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= size) break;
      if (c + 1 < size && heapKey[c + 1] < heapKey[c]) c++;
      if (heapKey[c] >= lastKey) break;
      heapNode[i] = heapNode[c]; heapKey[i] = heapKey[c];
      i = c;
    }
    heapNode[i] = lastNode; heapKey[i] = lastKey;
    return top;
  };
  for (const s of seeds) {
    if (s < 0 || s >= n) throw new Error(`geodesic distance: seed ${s} outside 0..${n - 1}`);
    if (dist[s] > 0) { dist[s] = 0; push(s, 0); }
  }
  const done = new Uint8Array(n);
  const { lab, offsets, nbr } = graph;
  while (size > 0) {
    const u = pop();
    if (done[u]) continue;
    done[u] = 1;
    const du = dist[u];
    for (let k = offsets[u]; k < offsets[u + 1]; k++) {
      const v = nbr[k];
      if (done[v]) continue;
      const dl = lab[3 * u] - lab[3 * v], da = lab[3 * u + 1] - lab[3 * v + 1], db = lab[3 * u + 2] - lab[3 * v + 2];
      const d = du + Math.sqrt(dl * dl + da * da + db * db) + stepCost;
      if (d < dist[v]) { dist[v] = d; push(v, d); }
    }
  }
  return dist;
}
