import { op, Value } from '@seg/onnx';
import { Rng, Tensor } from '@seg/tensor';
import { activation, ActivationName } from './activations';
import type { GcnAdjacency } from './adjacency-input';
import { glorotUniform } from './init';
import { gcnLayer } from './layer';

export interface GcnOptions {
  /** Output width of each layer, e.g. [64, 64, 2]; the input width is read from the features. */
  layers: number[];
  /** Applied after every layer but the last (default 'relu'). */
  activation?: ActivationName;
  /** Dropout ratio on each layer's input, as in Kipf & Welling (default 0: none). */
  dropout?: number;
  /** Whether dropout is active: a bool scalar value (one graph for train and eval) or a fixed flag. */
  training?: Value | boolean;
  /** Seed of the runtime's dropout generator (runs differ unless set). */
  dropoutSeed?: number;
  /** Learnable bias per layer (default true). */
  bias?: boolean;
  /** Seed of the Glorot initialisation (default 0). */
  seed?: number;
  /** Scope of the parameters: `<name>/layer0/weight`, ... (default 'gcn'). */
  name?: string;
}

/**
 * A multi-layer GCN (Kipf & Welling, "Semi-supervised classification with graph convolutional
 * networks", ICLR 2017): H_{l+1} = act(Â dropout(H_l) W_l + b_l), no activation after the last
 * layer. Parameters are `gcn/layer{i}/weight` [F_i, F_{i+1}] (seeded Glorot uniform) and
 * `gcn/layer{i}/bias` [F_{i+1}] (zeros). Returns the last layer's [N, layers.at(-1)] output.
 */
export function gcn(features: Value, adj: GcnAdjacency, options: GcnOptions): Value {
  const { layers } = options;
  if (!Array.isArray(layers) || layers.length === 0 || layers.some((w) => !Number.isInteger(w) || w < 1)) {
    throw new Error(`gcn: layers must be a non-empty list of positive integer widths, got [${String(layers)}]`);
  }
  if (features.rank !== 2 || typeof features.dims[1] !== 'number') {
    throw new Error(`gcn: features must be [N, C] with a static C, got [${features.dims.join(', ')}] ('${features.name}')`);
  }
  const ratio = options.dropout ?? 0;
  if (!(ratio >= 0 && ratio < 1)) throw new Error(`gcn: dropout must be in [0, 1), got ${ratio}`);
  const act = activation(options.activation ?? 'relu');
  const b = features.builder;
  const rng = new Rng(options.seed ?? 0);
  const useBias = options.bias ?? true;
  return b.scope(options.name ?? 'gcn', () => {
    let h = features;
    let fanIn = features.dims[1] as number;
    layers.forEach((width, i) => {
      h = b.scope(`layer${i}`, () => {
        const w = b.param('weight', glorotUniform(fanIn, width, rng));
        const bias = useBias ? b.param('bias', new Tensor('float32', [width])) : null;
        const x = ratio > 0 ? op.dropout(h, { ratio, training: options.training ?? false, seed: options.dropoutSeed }).output : h;
        const y = gcnLayer(adj, x, w, bias);
        return i < layers.length - 1 ? act(y) : y;
      });
      fanIn = width;
    });
    return h;
  });
}
