import { GraphBuilder, serializeModel } from '@seg/onnx';
import { createNodeSession } from '@seg/runtime/node';
import { Rng, Tensor } from '@seg/tensor';
import { buildRegionGraph, graphAdjacencyDense, graphAdjacencySparse } from '../region-graph';
import { regionFeatureMap, voronoiLabelMap } from '../synthetic/voronoi';
import { gcnInputs } from './adjacency-input';
import { gcn, GcnOptions } from './model';
import { gcnReference } from './reference';

/** A random region graph (about 40 vertices) with standardised features. */
function randomGraph(seed: number, segments = 40) {
  const map = voronoiLabelMap(40, 40, segments, seed);
  return buildRegionGraph(map, regionFeatureMap(map, 6, seed + 1, 0.3), { connectivity: 8, standardize: 'graph' });
}

function build(form: 'dense' | 'sparse', channels: number, options: GcnOptions): GraphBuilder {
  const b = new GraphBuilder({ opset: 17 });
  const { features, adjacency } = gcnInputs(b, channels, form);
  b.output(gcn(features, adjacency, options), 'scores');
  return b;
}

describe('GCN in onnxruntime-node', () => {
  const g = randomGraph(5);
  const n = g.numVertices;
  const features = new Tensor('float32', [n, g.channels], g.features);
  const dense = graphAdjacencyDense(g);
  const sparse = graphAdjacencySparse(g);
  const options: GcnOptions = { layers: [16, 8, 2], activation: 'relu', seed: 3 };

  it('names parameters hierarchically and initialises them from the seed (Glorot uniform)', () => {
    const b = build('dense', g.channels, options);
    expect([...b.parameters.keys()]).toEqual(['gcn/layer0/weight', 'gcn/layer0/bias', 'gcn/layer1/weight', 'gcn/layer1/bias', 'gcn/layer2/weight', 'gcn/layer2/bias']);
    expect(b.parameters.get('gcn/layer1/weight')!.tensor.dims).toEqual([16, 8]);
    const w = b.parameters.get('gcn/layer0/weight')!.tensor.data as Float32Array;
    const a = Math.sqrt(6 / (g.channels + 16));
    expect(Math.max(...w.map(Math.abs))).toBeLessThanOrEqual(a);
    expect(Math.max(...w.map(Math.abs))).toBeGreaterThan(0.8 * a);
    expect(build('sparse', g.channels, options).parameters.get('gcn/layer0/weight')!.tensor.data).toEqual(w);
    expect(build('dense', g.channels, { ...options, seed: 4 }).parameters.get('gcn/layer0/weight')!.tensor.data).not.toEqual(w);
  });

  it('dense and sparse forms agree with each other and with the TypeScript reference', async () => {
    // Non-zero biases so that the bias path is checked too.
    const rng = new Rng(8);
    const bd = build('dense', g.channels, options);
    for (const [name, p] of bd.parameters) if (name.endsWith('bias')) rng.fillNormal(p.tensor.data as Float32Array, 0, 0.1);
    const bs = build('sparse', g.channels, options);
    for (const [name, p] of bs.parameters) (p.tensor.data as Float32Array).set(bd.parameters.get(name)!.tensor.data as Float32Array);

    const sd = await createNodeSession(serializeModel(bd), { threads: 1 });
    const ss = await createNodeSession(serializeModel(bs), { threads: 1 });
    const yd = (await sd.run({ features, adjacency: dense })).scores;
    const ys = (await ss.run({ features, adj_indices: sparse.indices, adj_values: sparse.values })).scores;
    expect(yd.dims).toEqual([n, 2]);
    expect(ys.dims).toEqual([n, 2]);
    const params = [0, 1, 2].map((l) => ({ weight: bd.parameters.get(`gcn/layer${l}/weight`)!.tensor, bias: bd.parameters.get(`gcn/layer${l}/bias`)!.tensor }));
    const ref = gcnReference(dense.data, n, g.features, g.channels, params);
    let maxAbs = 0;
    for (let i = 0; i < n * 2; i++) {
      maxAbs = Math.max(maxAbs, Math.abs(ref[i]));
      expect(yd.data[i]).toBeCloseTo(ref[i], 4);
      expect(ys.data[i]).toBeCloseTo(yd.data[i] as number, 4);
    }
    expect(maxAbs).toBeGreaterThan(0.05); // not a trivially zero output
    await sd.release(); await ss.release();
  });

  it('runs graphs of another size through the same model (N and E are symbolic)', async () => {
    const h = randomGraph(9, 25);
    expect(h.numVertices).not.toBe(n);
    const b = build('sparse', h.channels, { layers: [4, 1], activation: 'tanh', bias: false });
    const s = await createNodeSession(serializeModel(b), { threads: 1 });
    const sp = graphAdjacencySparse(h);
    const y = (await s.run({ features: new Tensor('float32', [h.numVertices, h.channels], h.features), adj_indices: sp.indices, adj_values: sp.values })).scores;
    const params = [0, 1].map((l) => ({ weight: b.parameters.get(`gcn/layer${l}/weight`)!.tensor, bias: null }));
    const ref = gcnReference(graphAdjacencyDense(h).data, h.numVertices, h.features, h.channels, params, Math.tanh);
    ref.forEach((v, i) => expect(y.data[i]).toBeCloseTo(v, 4));
    await s.release();
  });

  it('applies dropout only in training mode', async () => {
    const b = new GraphBuilder({ opset: 17 });
    const { features: x, adjacency } = gcnInputs(b, g.channels, 'dense');
    const training = b.input('training', 'bool', []);
    b.output(gcn(x, adjacency, { ...options, dropout: 0.5, training, dropoutSeed: 1 }), 'scores');
    const plain = build('dense', g.channels, options);
    const s = await createNodeSession(serializeModel(b), { threads: 1 });
    const p = await createNodeSession(serializeModel(plain), { threads: 1 });
    const off = (await s.run({ features, adjacency: dense, training: Tensor.fromArray('bool', [], [0]) })).scores;
    const on = (await s.run({ features, adjacency: dense, training: Tensor.fromArray('bool', [], [1]) })).scores;
    const ref = (await p.run({ features, adjacency: dense })).scores;
    off.data.forEach((v, i) => expect(v).toBeCloseTo(ref.data[i] as number, 5));
    expect(on.data.some((v, i) => Math.abs((v as number) - (ref.data[i] as number)) > 1e-3)).toBe(true);
    await s.release(); await p.release();
  });

  it('rejects bad options with a clear message', () => {
    expect(() => build('dense', 6, { layers: [] })).toThrow(/layers must be a non-empty list/);
    expect(() => build('dense', 6, { layers: [4], dropout: 1 })).toThrow(/dropout must be in \[0, 1\), got 1/);
    expect(() => build('dense', 6, { layers: [4, 2], activation: 'swish' as never })).toThrow(/unknown GCN activation 'swish'/);
    expect(() => build('csr' as never, 6, { layers: [4] })).toThrow(/must be 'dense' or 'sparse', got 'csr'/);
  });
});
