import { buildBackbone, backboneTaps, type WeightSource } from '@seg/backbones';
import { GraphBuilder, op, Value } from '@seg/onnx';

/** The backbone taps that method 5 concatenates, per backbone (layer1/2/3 for ResNet-50 v2). */
export const DEFAULT_TAPS: Record<string, string[]> = {
  resnet50v2: ['layer1', 'layer2', 'layer3'],
  mobilenetv2: ['layer1', 'layer2', 'layer3'],
  // the filter bank at full resolution, average-pooled onto the stride-8 grid
  filterbank: ['features_s8'],
};

export interface FeatureGraphOptions {
  backbone: string;
  /** Pretrained weights (ResNet-50 v2, MobileNetV2); the filter bank needs none. */
  weights?: WeightSource;
  /** Image size the graph accepts, [height, width]. */
  imageSize: [number, number];
  /** Taps to concatenate; the backbone's defaults for method 5 when omitted. */
  taps?: string[];
  /** Stride of the common grid; the second tap's stride (layer2: 8) by default. */
  gridStride?: number;
}

export interface FeatureGraph {
  builder: GraphBuilder;
  /** Channels after concatenation. */
  channels: number;
  grid: [number, number];
  taps: string[];
}

/**
 * Method 5's features as one ONNX graph: the backbone's taps (ResNet layer1, layer2, layer3) are
 * resized bilinearly to one grid (layer2's resolution by default) and concatenated on channels.
 * Input 'image' is RGB in [0, 1], [1, 3, H, W]; output 'features' is [1, C, h, w].
 */
export function buildFeatureGraph(o: FeatureGraphOptions): FeatureGraph {
  const [h, w] = o.imageSize;
  const available = backboneTaps(o.backbone);
  const taps = o.taps ?? (DEFAULT_TAPS[o.backbone]?.length ? DEFAULT_TAPS[o.backbone] : Object.keys(available).slice(0, 1));
  if (!taps.length) throw new Error(`backbone '${o.backbone}': no taps to concatenate`);
  for (const t of taps) if (!(t in available)) throw new Error(`backbone '${o.backbone}' has no tap '${t}'; available: ${Object.keys(available).join(', ')}`);
  const stride = o.gridStride ?? available[taps[Math.min(1, taps.length - 1)]].stride ?? 8;
  const grid: [number, number] = [Math.max(1, Math.round(h / stride)), Math.max(1, Math.round(w / stride))];
  const builder = new GraphBuilder({ name: `interactive-${o.backbone}` });
  const image = builder.input('image', 'float32', [1, 3, h, w]);
  const built = buildBackbone(o.backbone, { builder, input: image, taps, weights: o.weights, inputSize: [h, w] });
  const resized: Value[] = builder.scope('grid', () => taps.map((t) => {
    const v = built.taps[t];
    const [, , th, tw] = v.shape;
    return th === grid[0] && tw === grid[1] ? v : op.resize(v, { sizes: [1, v.shape[1], grid[0], grid[1]], mode: 'linear' });
  }));
  const features = resized.length === 1 ? resized[0] : op.concat(resized, 1);
  builder.output(features, 'features');
  return { builder, channels: features.shape[1], grid, taps };
}
