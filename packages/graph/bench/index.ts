// Benchmarks of @seg/graph: method 1's region graph on a 512x512 map of ~1000 segments with a
// 16-channel feature map, the normalised adjacency, pseudo-labels, and GCN forward passes in
// onnxruntime-node. Reference fields come from scripts/reference/rag.py (scikit-image RAG and a
// vectorised NumPy/SciPy pipeline) when Debian's /usr/bin/python3 has scikit-image and SciPy.
import { measure, report } from '@seg/bench';
import { runReference } from '@seg/bench/node';
import { GraphBuilder, serializeModel } from '@seg/onnx';
import { createNodeSession } from '@seg/runtime/node';
import { Rng, Tensor } from '@seg/tensor';
import {
  areaRatioLabels, areaWeightedLabels, buildRegionGraph, gcn, gcnInputs, graphAdjacencyDense, graphAdjacencySparse,
  regionAdjacency, regionFeatureMap, voronoiLabelMap,
} from '../src';

interface RagReference {
  skimage_version: string;
  skimage_rag: { ms_median: number; edges: number };
  skimage_rag_mean_color: { ms_median: number; edges: number };
  numpy_graph: { ms_median: number; edges: number; sigma: number };
  scipy_normalized_adjacency: { ms_median: number; entries: number };
}

/** Runs scripts/reference/rag.py on the same maps, or returns null when the Python side is missing. */
async function ragReference(labels: Tensor<'int32'>, features: Tensor<'float32'>, connectivity: 4 | 8): Promise<RagReference | null> {
  const rows = await runReference<RagReference>({ script: 'rag.py', modules: 'skimage, scipy, numpy', inputs: { labels, features }, args: ['--connectivity', String(connectivity)] });
  return rows?.[0] ?? null;
}

interface GcnReference { torch_version: string; torch_sparse_ms: number; torch_dense_ms: number }

/** Runs scripts/reference/gcn.py (PyTorch, one thread) on the same graph, or null without torch. */
async function gcnReference(features: Tensor<'float32'>, indices: Tensor<'int64'>, values: Tensor<'float32'>): Promise<GcnReference | null> {
  const rows = await runReference<GcnReference>({ script: 'gcn.py', modules: 'torch, numpy', inputs: { features, indices, values } });
  return rows?.[0] ?? null;
}

async function main(): Promise<void> {
  const H = 512; const W = 512; const C = 16;
  const map = voronoiLabelMap(H, W, 1000, 1);
  const features = regionFeatureMap(map, C, 2, 0.1);
  const size = `${H}x${W}, ${map.count} segments, ${C} channels`;

  for (const connectivity of [4, 8] as const) {
    const ref = await ragReference(new Tensor('int32', [H, W], map.labels), features, connectivity);
    const g = buildRegionGraph(map, features, { connectivity });
    const tag = `${connectivity}-conn`;
    report({
      ...(await measure(`graph/region-adjacency (${tag})`, size, 1, () => regionAdjacency(map, connectivity))),
      edges: g.src.length,
      ...(ref ? { reference: `skimage ${ref.skimage_version} RAG(labels, connectivity=${connectivity === 4 ? 1 : 2})`, reference_ms_median: round(ref.skimage_rag.ms_median), reference_edges: ref.skimage_rag.edges } : {}),
    });
    report({
      ...(await measure(`graph/region-graph with features and weights (${tag})`, size, 1, () => buildRegionGraph(map, features, { connectivity }))),
      edges: g.src.length, sigma: round(g.sigma),
      ...(ref ? {
        reference: 'numpy/scipy vectorised pipeline (bincount means, np.unique edges, exp(-d^2/sigma^2))',
        reference_ms_median: round(ref.numpy_graph.ms_median), reference_edges: ref.numpy_graph.edges, reference_sigma: round(ref.numpy_graph.sigma),
        skimage_rag_mean_color_ms: round(ref.skimage_rag_mean_color.ms_median), skimage_rag_mean_color_note: 'first 3 channels only (skimage 0.19 handles 3-channel images), per-pixel Python loop',
      } : {}),
    });
    const sparse = graphAdjacencySparse(g);
    report({
      ...(await measure(`graph/normalized-adjacency sparse COO (${tag})`, `${g.numVertices} vertices, ${g.src.length} edges`, 1, () => graphAdjacencySparse(g))),
      entries: sparse.rows.length,
      ...(ref ? { reference: 'scipy.sparse D^-1/2 (A + I) D^-1/2', reference_ms_median: round(ref.scipy_normalized_adjacency.ms_median), reference_entries: ref.scipy_normalized_adjacency.entries } : {}),
    });
    report(await measure(`graph/normalized-adjacency dense (${tag})`, `${g.numVertices} vertices, ${g.src.length} edges`, 1, () => graphAdjacencyDense(g)));
  }

  // Pseudo-labels on method 1's scale (~4000 superpixels per tile).
  const rng = new Rng(3);
  const scores = rng.fillNormal(new Float32Array(4000)) as Float32Array;
  const area = Int32Array.from({ length: 4000 }, () => 50 + rng.int(400));
  report(await measure('graph/pseudo-labels area-ratio (count)', '4000 vertices', 1, () => areaRatioLabels(scores, 0.2, { error: 0.05 })));
  report(await measure('graph/pseudo-labels area-weighted', '4000 vertices', 1, () => areaWeightedLabels(scores, area, 0.2, { error: 0.05 })));

  // GCN forward [C -> 64 -> 64 -> 2] in onnxruntime-node, dense vs sparse Â.
  for (const [h, w, k] of [[512, 512, 1000], [1000, 1000, 4000]] as const) {
    const m = voronoiLabelMap(h, w, k, 4);
    const g = buildRegionGraph(m, regionFeatureMap(m, C, 5, 0.1), { connectivity: 8, standardize: 'graph' });
    const x = new Tensor('float32', [g.numVertices, g.channels], g.features);
    const sp = graphAdjacencySparse(g);
    const dense = graphAdjacencyDense(g);
    const ref = await gcnReference(x, sp.indices, sp.values);
    for (const form of ['sparse', 'dense'] as const) {
      const b = new GraphBuilder({ opset: 17 });
      const inputs = gcnInputs(b, g.channels, form);
      b.output(gcn(inputs.features, inputs.adjacency, { layers: [64, 64, 2], seed: 1 }), 'scores');
      const s = await createNodeSession(serializeModel(b), { threads: 1 });
      const feeds: Record<string, Tensor> = form === 'sparse' ? { features: x, adj_indices: sp.indices, adj_values: sp.values } : { features: x, adjacency: dense };
      report({
        ...(await measure(`graph/gcn-forward ${form} [${C},64,64,2]`, `${g.numVertices} vertices, ${sp.rows.length} entries`, 1, () => s.run(feeds), { warmup: 3, runs: 30 })),
        ...(ref ? { reference: `torch ${ref.torch_version} ${form === 'sparse' ? 'torch.sparse.mm' : 'dense torch.mm'}, 1 thread`, reference_ms_median: round(form === 'sparse' ? ref.torch_sparse_ms : ref.torch_dense_ms) } : {}),
      });
      await s.release();
    }
  }
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

main().catch((e) => { process.stderr.write(`${(e as Error).stack}\n`); process.exitCode = 1; });
