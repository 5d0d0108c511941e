import type { GraphBuilder, Value } from '@seg/onnx';
import type { WeightSource } from './weights/weight-source';

/** Where a tap sits in the network: its stride relative to the input and its channel count. */
export interface TapInfo {
  /** Nominal stride (input size / tap size, before any floor of odd sizes); null for a globally pooled tap. */
  stride: number | null;
  channels: number;
  description: string;
}

/** One inference-mode BatchNormalization of a backbone, recorded so that a trainer can find its statistics. */
export interface BatchNormRecord {
  /** Hierarchical prefix of its parameters, e.g. `layer2/block0/bn1`. */
  name: string;
  input: Value;
  output: Value;
  scale: Value;
  bias: Value;
  runningMean: Value;
  runningVar: Value;
  epsilon: number;
}

/** Options every backbone understands (each ignores what does not apply to it). */
export interface BuildOptions {
  /** Weights by name. Pretrained backbones need them; seeded-initialised ones use them to override the initialisation. */
  weights?: WeightSource;
  /** Taps to compute and return; defaults to the backbone's `defaultTaps`. Only the layers they need are built. */
  taps?: readonly string[];
  /** Input height and width (one number for a square); 224 by default. */
  inputSize?: number | readonly [number, number];
  /** Batch dimension of the graph input: a size or a symbolic name; 1 by default. */
  batch?: number | string;
  /** Bake ImageNet input normalisation into the graph: the input is RGB in [0, 1] (default true for ImageNet backbones). */
  normalize?: boolean;
  /** Mark the backbone's parameters trainable (default: true for seeded backbones, false for pretrained ones). */
  trainable?: boolean;
  /** Seed of the random initialisation of seeded backbones (default 0). */
  seed?: number;
  /** ai.onnx opset of a new builder (17 by default). */
  opset?: number;
  /** Build into this builder instead of a new one (the taps are then not marked as graph outputs). */
  builder?: GraphBuilder;
  /** Input value inside `builder`; a graph input named 'image' is created when absent. */
  input?: Value;
  /** Scope of the backbone's nodes and parameters: none for a fresh builder, 'backbone' inside a given one. */
  scope?: string | null;
  /** Filter bank only: Gaussian scales in pixels (default 0.7, 1, 1.6, 3.5, 5, 10). */
  scales?: readonly number[];
  /** Filter bank only: 'input' filters the channels as given; 'lab' converts sRGB in [0, 1] to CIELAB / 100 first. */
  colorSpace?: 'input' | 'lab';
  /** Filter bank only: input channels (default 3; 'lab' needs 3). */
  channels?: number;
}

/** The state a backbone's build function works with. */
export interface BuildContext {
  readonly b: GraphBuilder;
  readonly weights: WeightSource;
  readonly trainable: boolean;
  readonly options: BuildOptions;
  readonly batchNorms: BatchNormRecord[];
}

/** A registered backbone: what it is, what it offers, how to build it. */
export interface BackboneSpec {
  name: string;
  /** One line, citing the paper. */
  description: string;
  /** Folder under the models directory holding its `.npy` weights (null: needs no files). */
  weightsFolder: string | null;
  /** Channels of the input the graph expects. */
  inputChannels: number;
  /** Whether `normalize` defaults to true (ImageNet mean/std). */
  normalizeByDefault: boolean;
  /** Whether the parameters come from a seeded initialisation rather than files. */
  seeded: boolean;
  /** Every tap the backbone can produce, in network order. */
  taps: Readonly<Record<string, TapInfo>>;
  defaultTaps: readonly string[];
  /** Appends the network to `ctx.b` from `x`, computing at least the requested taps (network order). */
  build(ctx: BuildContext, x: Value, taps: ReadonlySet<string>): Record<string, Value>;
  /** Tap info for backbones whose channel counts depend on options (the filter bank). */
  tapsFor?(options: BuildOptions): Record<string, TapInfo>;
  /** Input channels for backbones where they depend on options (the filter bank). */
  inputChannelsFor?(options: BuildOptions): number;
}

/** What `buildBackbone` returns. */
export interface BuiltBackbone {
  name: string;
  builder: GraphBuilder;
  input: Value;
  /** Requested taps in network order. */
  taps: Record<string, Value>;
  meta: Record<string, TapInfo>;
  batchNorms: BatchNormRecord[];
}
