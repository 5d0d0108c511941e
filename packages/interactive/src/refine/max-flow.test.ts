import { Rng } from '@seg/tensor';
import { MaxFlow } from './max-flow';

interface Edge { u: number; v: number; forward: number; backward: number }

/** Minimum cut by enumerating every source set (small graphs): value, and the smallest source set of that value. */
function bruteForce(n: number, fromSource: number[], toSink: number[], edges: Edge[]): { value: number; minimalSets: number[] } {
  let best = Infinity;
  const values = new Float64Array(1 << n);
  for (let mask = 0; mask < 1 << n; mask++) {
    let v = 0;
    for (let i = 0; i < n; i++) v += mask & (1 << i) ? toSink[i] : fromSource[i];
    for (const e of edges) {
      const su = (mask >> e.u) & 1, sv = (mask >> e.v) & 1;
      if (su && !sv) v += e.forward;
      if (sv && !su) v += e.backward;
    }
    values[mask] = v;
    best = Math.min(best, v);
  }
  const minimalSets: number[] = [];
  for (let mask = 0; mask < 1 << n; mask++) if (values[mask] <= best + 1e-9) minimalSets.push(mask);
  return { value: best, minimalSets };
}

describe('MaxFlow (Boykov-Kolmogorov)', () => {
  it('finds the minimum cut of random graphs (checked by enumeration), with the smallest source side', () => {
    const rng = new Rng(7);
    for (let trial = 0; trial < 60; trial++) {
      const n = 2 + (trial % 9);
      const fromSource = Array.from({ length: n }, () => (rng.uniform() < 0.5 ? rng.uniform(0, 5) : 0));
      const toSink = Array.from({ length: n }, () => (rng.uniform() < 0.5 ? rng.uniform(0, 5) : 0));
      const edges: Edge[] = [];
      for (let u = 0; u < n; u++) for (let v = u + 1; v < n; v++) {
        if (rng.uniform() < 0.4) edges.push({ u, v, forward: rng.uniform(0, 3), backward: rng.uniform() < 0.7 ? rng.uniform(0, 3) : 0 });
      }
      const f = new MaxFlow(n, edges.length);
      for (let i = 0; i < n; i++) f.addTerminal(i, fromSource[i], toSink[i]);
      for (const e of edges) f.addEdge(e.u, e.v, e.forward, e.backward);
      const { flow, sourceSide } = f.solve();
      const ref = bruteForce(n, fromSource, toSink, edges);
      expect(flow).toBeCloseTo(ref.value, 9);
      // the residual-reachable source side is the intersection of all minimum source sets
      const smallest = ref.minimalSets.reduce((a, m) => a & m, (1 << n) - 1);
      let got = 0;
      for (let i = 0; i < n; i++) if (sourceSide[i]) got |= 1 << i;
      expect(got).toBe(smallest);
    }
  });

  it('cuts a chain at its weakest link', () => {
    const f = new MaxFlow(4);
    f.addTerminal(0, 10, 0);
    f.addTerminal(3, 0, 10);
    f.addEdge(0, 1, 5, 5);
    f.addEdge(1, 2, 2, 2);
    f.addEdge(2, 3, 7, 7);
    const r = f.solve();
    expect(r.flow).toBe(2);
    expect(Array.from(r.sourceSide)).toEqual([1, 1, 0, 0]);
  });

  it('names bad arguments', () => {
    const f = new MaxFlow(2);
    expect(() => f.addEdge(0, 2, 1)).toThrow(/node 2 outside 0..1/);
    expect(() => f.addEdge(1, 1, 1)).toThrow(/self-loop at node 1/);
    expect(() => f.addEdge(0, 1, -1)).toThrow(/capacities must be >= 0/);
    expect(() => f.addTerminal(0, Number.NaN, 0)).toThrow(/terminal capacities must be >= 0/);
  });
});
