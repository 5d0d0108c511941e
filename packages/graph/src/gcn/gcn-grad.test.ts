import { grad, GraphBuilder, op, serializeModel } from '@seg/onnx';
import { createNodeSession } from '@seg/runtime/node';
import { Rng, Tensor } from '@seg/tensor';
import { buildRegionGraph, graphAdjacencyDense, graphAdjacencySparse } from '../region-graph';
import { regionFeatureMap, voronoiLabelMap } from '../synthetic/voronoi';
import { gcnInputs } from './adjacency-input';
import { gcn } from './model';
import { gcnReference } from './reference';

/**
 * The GCN must be trainable with @seg/onnx's reverse-mode autodiff in both forms: the gradients of
 * a random projection of the output w.r.t. every parameter agree between the dense (MatMul) and the
 * sparse (Gather + ScatterND) graphs, and with central finite differences of the TS reference.
 */
describe('GCN gradients', () => {
  const map = voronoiLabelMap(24, 24, 16, 2);
  const g = buildRegionGraph(map, regionFeatureMap(map, 3, 3, 0.3), { connectivity: 8, standardize: 'graph' });
  const n = g.numVertices;
  const rng = new Rng(5);
  const proj = Tensor.fromArray('float32', [n, 2], Array.from({ length: n * 2 }, () => rng.normal()));
  const names = ['gcn/layer0/weight', 'gcn/layer0/bias', 'gcn/layer1/weight', 'gcn/layer1/bias'];
  const options = { layers: [5, 2], activation: 'tanh' as const, seed: 7 };

  function build(form: 'dense' | 'sparse'): GraphBuilder {
    const b = new GraphBuilder({ opset: 17 });
    // Static sizes: the backward rules of reductions over N (ReduceSum, the bias broadcast) need them.
    const { features, adjacency } = gcnInputs(b, g.channels, form, { numVertices: n, numEntries: 2 * g.src.length + n });
    const y = gcn(features, adjacency, options);
    const loss = op.reduceSum(op.mul(y, b.constant(proj)));
    const grads = grad(loss, names.map((k) => b.parameters.get(k)!.value));
    b.output(loss, 'loss');
    grads.forEach((d, i) => b.output(d, `d/${names[i]}`));
    return b;
  }

  it('agree between dense and sparse forms and with finite differences', async () => {
    const x = new Tensor('float32', [n, g.channels], g.features);
    const dense = graphAdjacencyDense(g);
    const sparse = graphAdjacencySparse(g);
    const bd = build('dense'); const bs = build('sparse');
    const sd = await createNodeSession(serializeModel(bd), { threads: 1 });
    const ss = await createNodeSession(serializeModel(bs), { threads: 1 });
    const od = await sd.run({ features: x, adjacency: dense });
    const os = await ss.run({ features: x, adj_indices: sparse.indices, adj_values: sparse.values });
    for (const k of names) {
      const a = od[`d/${k}`].data as Float32Array; const c = os[`d/${k}`].data as Float32Array;
      a.forEach((v, i) => expect(c[i]).toBeCloseTo(v, 4));
    }
    // Central differences of sum(reference(params) * proj) for a few elements of each parameter.
    const params = names.map((k) => bd.parameters.get(k)!.tensor.clone() as Tensor<'float32'>);
    const lossOf = (): number => {
      const y = gcnReference(dense.data, n, g.features, g.channels, [{ weight: params[0], bias: params[1] }, { weight: params[2], bias: params[3] }], Math.tanh);
      let s = 0;
      for (let i = 0; i < y.length; i++) s += y[i] * proj.data[i];
      return s;
    };
    const eps = 1e-2;
    params.forEach((p, j) => {
      const analytic = od[`d/${names[j]}`].data as Float32Array;
      for (const i of [0, Math.floor(p.size / 2), p.size - 1]) {
        const v = p.data[i];
        p.data[i] = v + eps; const up = lossOf();
        p.data[i] = v - eps; const down = lossOf();
        p.data[i] = v;
        const numeric = (up - down) / (2 * eps);
        expect(Math.abs(analytic[i] - numeric)).toBeLessThanOrEqual(2e-3 + 2e-2 * Math.abs(numeric));
      }
    });
    await sd.release(); await ss.release();
  });
});
