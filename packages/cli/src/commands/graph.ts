import type { Command } from 'commander';
import { emit, log, UsageError } from '../output';

interface GraphCommandOptions {
  json?: boolean;
  image?: string;
  segments?: string;
  compactness?: string;
  scale?: string;
  features?: string;
  connectivity: string;
  sigma?: string;
  sigmaFactor: string;
  standardize: string;
}

const positiveNumber = (s: string | undefined, what: string): number | undefined => {
  if (s === undefined) return undefined;
  const v = Number(s);
  if (!(v > 0) || !Number.isFinite(v)) throw new UsageError(`${what} must be a positive number, got '${s}'`);
  return v;
};

function summary(values: ArrayLike<number>): { min: number; max: number; mean: number; median: number } {
  const n = values.length;
  if (n === 0) return { min: 0, max: 0, mean: 0, median: 0 };
  const s = Float64Array.from(values).sort();
  let sum = 0;
  for (let i = 0; i < n; i++) sum += s[i];
  const r = (x: number) => Math.round(x * 1e4) / 1e4;
  return { min: r(s[0]), max: r(s[n - 1]), mean: r(sum / n), median: r(n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2) };
}

/**
 * `seg graph`: method 1's superpixel graph of a label map (or of SLIC superpixels of an image):
 * vertex and edge counts, degree statistics and the σ of the Gaussian edge weights.
 */
export function registerGraph(program: Command): void {
  program
    .command('graph')
    .description('region adjacency graph of a label map (PNG/.npy) or of SLIC superpixels of --image: vertex/edge counts, degrees, edge-weight sigma')
    .argument('[labels]', 'label map: 16-bit grey or RGB-encoded PNG (label = R + 256G + 65536B), or a 2-D integer .npy')
    .option('--image <path>', 'image: colour features of the vertices (and the superpixel input when no label map is given)')
    .option('--segments <n>', 'SLIC superpixels of --image when no label map is given (about this many)')
    .option('--compactness <m>', 'SLIC compactness (Lab units)', '10')
    .option('--scale <s>', 'run SLIC on the image shrunk by this factor in (0, 1] (method 1 used 0.5)', '1')
    .option('--features <npy>', 'vertex features from a [C, H, W] float .npy feature map instead of the image colours')
    .option('--connectivity <4|8>', 'pixel neighbourhood that makes regions adjacent', '8')
    .option('--sigma <s>', 'explicit sigma of exp(-d^2/sigma^2) (default: factor x median edge distance)')
    .option('--sigma-factor <f>', 'sigma = factor x median edge distance', '0.5')
    .option('--standardize <mode>', 'vertex feature standardisation: none or graph', 'graph')
    .option('--json', 'print one JSON document on stdout')
    .action(async (labelsPath: string | undefined, opts: GraphCommandOptions) => {
      const graph = await import('@seg/graph');
      const node = await import('@seg/graph/node');
      const connectivity = Number(opts.connectivity);
      if (connectivity !== 4 && connectivity !== 8) throw new UsageError(`--connectivity must be 4 or 8, got '${opts.connectivity}'`);
      if (opts.standardize !== 'none' && opts.standardize !== 'graph') throw new UsageError(`--standardize must be none or graph, got '${opts.standardize}'`);
      const sigma = positiveNumber(opts.sigma, '--sigma');
      const sigmaFactor = positiveNumber(opts.sigmaFactor, '--sigma-factor') ?? 0.5;
      const timings: Record<string, number> = {};
      const t0 = performance.now();

      // Step 1: the label map, read or made by SLIC.
      const image = opts.image ? await node.readRgbImage(opts.image) : null;
      let map: import('@seg/graph').LabelMap;
      let source: string;
      if (labelsPath) {
        map = (await node.readLabelMap(labelsPath)).map;
        source = labelsPath;
      } else {
        if (!image) throw new UsageError('give a label map, or --image with --segments to make SLIC superpixels');
        const segments = positiveNumber(opts.segments, '--segments');
        if (!segments || !Number.isInteger(segments)) throw new UsageError(`--segments must be a positive integer with --image and no label map, got '${opts.segments ?? ''}'`);
        const sp = await import('@seg/superpixels');
        const ts = performance.now();
        const scale = positiveNumber(opts.scale, '--scale') ?? 1;
        if (scale > 1) throw new UsageError(`--scale must be in (0, 1], got '${opts.scale}'`);
        const out = sp.slicImage(image, { segments, compactness: positiveNumber(opts.compactness, '--compactness'), scale });
        timings.superpixels_ms = performance.now() - ts;
        map = graph.labelMap(out.labels, out.height, out.width, out.count);
        source = `slic(${opts.image}, segments=${segments})`;
        log(`seg graph: ${out.count} SLIC superpixels in ${timings.superpixels_ms.toFixed(1)} ms`);
      }

      // Step 2: the feature map (a .npy, the image colours, or geometry alone).
      let features: import('@seg/tensor').Tensor<'float32'>;
      let featureSource: string;
      let geometry = {};
      if (opts.features) {
        const { readNpy } = await import('@seg/tensor/node');
        const t = await readNpy(opts.features);
        if (t.dtype !== 'float32' && t.dtype !== 'float64') throw new UsageError(`--features: expected a float .npy, got ${t.dtype}`);
        features = t.dtype === 'float32' ? (t as import('@seg/tensor').Tensor<'float32'>) : t.cast('float32');
        featureSource = opts.features;
      } else if (image) {
        features = image.features;
        featureSource = 'rgb';
      } else {
        const { Tensor } = await import('@seg/tensor');
        features = new Tensor('float32', [0, map.height, map.width]);
        geometry = { area: true, centroid: true };
        featureSource = 'geometry (area, centroid)';
      }
      if (image && (image.height !== map.height || image.width !== map.width)) {
        throw new UsageError(`--image is ${image.width}x${image.height} but the label map is ${map.width}x${map.height}`);
      }

      // Step 3: the graph.
      const tg = performance.now();
      const g = graph.buildRegionGraph(map, features, {
        connectivity, geometry, standardize: opts.standardize as 'none' | 'graph',
        sigma: sigma !== undefined ? { sigma } : { factor: sigmaFactor },
      });
      timings.graph_ms = performance.now() - tg;
      const ta = performance.now();
      const adj = graph.graphAdjacencySparse(g);
      timings.adjacency_ms = performance.now() - ta;
      timings.total_ms = performance.now() - t0;

      const deg = graph.degrees(g);
      let isolated = 0;
      for (const d of deg) if (d === 0) isolated++;
      const r3 = (x: number) => Math.round(x * 1000) / 1000;
      const result = {
        source,
        height: map.height,
        width: map.width,
        connectivity,
        vertices: g.numVertices,
        edges: g.src.length,
        isolated_vertices: isolated,
        degree: summary(deg),
        features: { source: featureSource, channels: g.channels, standardize: opts.standardize },
        sigma: r3(g.sigma),
        sigma_rule: sigma !== undefined ? 'explicit' : `${sigmaFactor} x median edge distance`,
        median_edge_distance: r3(g.medianDistance),
        edge_weight: summary(g.weight),
        normalized_adjacency_entries: adj.rows.length,
        timings_ms: Object.fromEntries(Object.entries(timings).map(([k, v]) => [k.replace(/_ms$/, ''), r3(v)])),
      };
      emit(result, opts, (r: typeof result) => [
        `${r.source}: ${r.width}x${r.height}, ${r.connectivity}-connectivity`,
        `vertices ${r.vertices} (${r.isolated_vertices} isolated), edges ${r.edges}`,
        `degree min ${r.degree.min} / median ${r.degree.median} / mean ${r.degree.mean} / max ${r.degree.max}`,
        `features: ${r.features.source}, ${r.features.channels} channels, standardize ${r.features.standardize}`,
        `sigma ${r.sigma} (${r.sigma_rule}; median edge distance ${r.median_edge_distance})`,
        `edge weights min ${r.edge_weight.min} / median ${r.edge_weight.median} / max ${r.edge_weight.max}`,
      ].join('\n'));
    });
}
