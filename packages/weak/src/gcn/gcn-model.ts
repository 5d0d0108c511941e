import { activation, glorotUniform, propagateSparse, sparseAdjacency } from '@seg/graph';
import { GraphBuilder, nn, op, Value } from '@seg/onnx';
import { Rng, Tensor } from '@seg/tensor';

/** Architecture of method 1's vertex scorer. */
export interface GcnModelOptions {
  /** Hidden widths; a last layer of width 1 (the foreground logit) is appended. Default [32, 32]. */
  hidden?: number[];
  activation?: 'relu' | 'tanh' | 'elu' | 'leakyRelu';
  seed?: number;
  /**
   * A small trainable FCN trained end to end with the GCN: two 3x3 convs (ReLU) on the tiles'
   * standardised L, a, b, H, E planes (at `scale` × the working scale), whose outputs are averaged
   * over each superpixel (a ScatterND-add, differentiable) and appended to the fixed vertex features.
   */
  fcn?: { enabled: boolean; width: number; scale: number };
}

/** Input planes of the end-to-end FCN branch: L, a, b, haematoxylin, eosin. */
export const FCN_BRANCH_CHANNELS = 5;

/** Static sizes of a training graph: vertices, adjacency entries and, with the FCN branch, its pixel batch. */
export interface GcnSizes {
  numVertices: number;
  numEntries: number;
  tiles?: number;
  height?: number;
  width?: number;
}

export const GCN_OPSET = 17;

/**
 * The vertex scorer: a GCN (Kipf & Welling, "Semi-supervised classification with graph
 * convolutional networks", ICLR 2017), H_{l+1} = act(Â H_l W_l + b_l), over the superpixel graph
 * with sparse Â, giving one foreground logit per vertex ([N, 1]). Inputs `features` [N, C],
 * `adj_indices` int64 [2, E] (rows = targets), `adj_values` [E]; parameters `gcn/layer{i}/weight`
 * (seeded Glorot uniform) and `gcn/layer{i}/bias` (zeros). Sizes are static for a training graph
 * (today's backward rules want them) and symbolic for inference.
 */
export function buildGcnScorer(b: GraphBuilder, channels: number, o: GcnModelOptions, sizes?: GcnSizes): { logits: Value; features: Value } {
  const n = sizes?.numVertices ?? 'num_vertices';
  const e = sizes?.numEntries ?? 'num_entries';
  let features = b.input('features', 'float32', [n, channels]);
  const indices = b.input('adj_indices', 'int64', [2, e]);
  const values = b.input('adj_values', 'float32', [e]);
  if (o.fcn?.enabled) {
    // The end-to-end branch: per-pixel learned features, averaged over each superpixel.
    const f = o.fcn;
    const pixels = b.input('pixels', 'float32', [sizes?.tiles ?? 'tiles', FCN_BRANCH_CHANNELS, sizes?.height ?? 'pixel_height', sizes?.width ?? 'pixel_width']);
    const pixelVertex = b.input('pixel_vertex', 'int64', [sizes?.tiles && sizes.height && sizes.width ? sizes.tiles * sizes.height * sizes.width : 'num_pixels', 1]);
    const vertexArea = b.input('vertex_area', 'float32', [n, 1]);
    const means = b.scope('fcn', () => {
      const h1 = op.relu(nn.conv2d(pixels, 'conv1', { outChannels: f.width, kernel: 3, bias: true }));
      const h2 = op.relu(nn.conv2d(h1, 'conv2', { outChannels: f.width, kernel: 3, bias: true }));
      const rows = op.reshape(op.transpose(h2, [0, 2, 3, 1]), [-1, f.width]);
      // A static [N, width] when N is known (the backward pass wants static shapes), else read at run time.
      const shape = typeof n === 'number' ? b.ints([n, f.width]) : op.concat([op.slice(op.shape(features), [0], [1]), b.ints([f.width])], 0);
      const sums = op.scatterND(op.constantOfShape(shape, 0, 'float32'), pixelVertex, rows, 'add');
      return op.div(sums, vertexArea);
    });
    features = op.concat([features, means], 1);
    channels += f.width;
  }
  const widths = [...(o.hidden ?? [32, 32]), 1];
  if (widths.some((w) => !Number.isInteger(w) || w < 1)) throw new Error(`GCN: hidden widths must be positive integers, got [${(o.hidden ?? []).join(', ')}]`);
  const act = activation(o.activation ?? 'relu');
  const rng = new Rng(o.seed ?? 0);
  const logits = b.scope('gcn', () => {
    const adjacency = sparseAdjacency(indices, values);
    let h = features;
    let fanIn = channels;
    widths.forEach((width, i) => {
      h = b.scope(`layer${i}`, () => {
        const weight = b.param('weight', glorotUniform(fanIn, width, rng));
        const bias = b.param('bias', new Tensor('float32', [width]));
        // Â(HW) = (ÂH)W: the first layer propagates the constant input features (no backward
        // pass through the propagation at all); later layers multiply first, to move narrower rows.
        const y = op.add(i === 0 ? op.matmul(propagateSparse(adjacency, h), weight) : propagateSparse(adjacency, op.matmul(h, weight)), bias);
        return i < widths.length - 1 ? act(y) : y;
      });
      fanIn = width;
    });
    return h;
  });
  return { logits, features };
}
