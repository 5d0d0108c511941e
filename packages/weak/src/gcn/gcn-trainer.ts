import { adam, binaryCrossEntropyWithLogits, buildTrainingStep, exportInferenceModel, GraphBuilder, serializeWithVariables } from '@seg/onnx';
import type { Session } from '@seg/runtime';
import { Tensor } from '@seg/tensor';
import { SessionFactory, StepRunner } from '../engine/step-runner';
import { ratioLabels } from '../labels/vertex-labels';
import { blockGraph, BlockGraph, TileGraph } from './tile-graph';
import { branchFeeds, BranchInput } from './fcn-branch';
import { buildGcnScorer, GCN_OPSET, GcnModelOptions } from './gcn-model';

/** One training tile as the vertex stage sees it. */
export interface VertexTile {
  graph: TileGraph;
  area: Int32Array;
  ratio: number;
  error: number;
  /** Cold-start scores per vertex (null: the untrained model scores the first epoch). */
  prior: Float32Array | null;
  /** Fixed vertex labels (1/0/-1) instead of ratio pseudo-labels: the full-mask upper bound. */
  fixedLabels?: Int8Array;
  /** Input of the end-to-end FCN branch (when the model has one). */
  branch?: BranchInput;
}

export interface GcnTrainOptions {
  model: GcnModelOptions;
  /** Pseudo-labels are refreshed from the model's scores at the start of every epoch but the first. */
  epochs: number;
  /** Full-batch steps (all tiles at once) per epoch. */
  stepsPerEpoch: number;
  lr: number;
  weightDecay?: number;
  areaWeighted?: boolean;
  /** Weigh the two classes equally within each tile's labelled vertices (default false: it biases p > 0.5 toward the rarer class). */
  balance?: boolean;
  createSession: SessionFactory;
  signal?: AbortSignal;
  /** Called after every epoch (checkpoint here). */
  onEpoch?(e: GcnEpoch): void | Promise<void>;
  /** Continue after this epoch with these carried values (a checkpoint). */
  resume?: { epoch: number; step: number; values: ReadonlyMap<string, Tensor> };
  /** Start from these parameters (e.g. a finished stage being resumed with epochs = 0). */
  initialValues?: ReadonlyMap<string, Tensor>;
}

export interface GcnEpoch {
  epoch: number;
  epochs: number;
  loss: number;
  /** Fraction of vertices whose pseudo-label changed from the previous epoch. */
  changed: number;
  runner: StepRunner;
}

export interface GcnTrainResult {
  /** Trained parameters by name. */
  values: Map<string, Tensor>;
  /** Final logits per tile (from a forward pass with the trained values). */
  scores: Float32Array[];
  /** Labels the last epoch trained on, per tile. */
  labels: Int8Array[];
  losses: number[];
}

/** Targets and per-vertex loss weights of the block graph from per-tile labels. */
function targetsOf(tiles: readonly VertexTile[], labels: readonly Int8Array[], g: BlockGraph, balance: boolean): { targets: Tensor<'float32'>; weight: Tensor<'float32'> } {
  const N = g.numVertices;
  const t = new Float32Array(N);
  const w = new Float32Array(N);
  tiles.forEach((tile, i) => {
    const o = g.offsets[i];
    const l = labels[i];
    let fg = 0; let bg = 0;
    for (let v = 0; v < l.length; v++) { if (l[v] === 1) fg++; else if (l[v] === 0) bg++; }
    const wf = balance && fg > 0 ? (fg + bg) / (2 * fg) : 1;
    const wb = balance && bg > 0 ? (fg + bg) / (2 * bg) : 1;
    for (let v = 0; v < l.length; v++) {
      if (l[v] === 1) { t[o + v] = 1; w[o + v] = wf; } else if (l[v] === 0) w[o + v] = wb;
    }
  });
  return { targets: new Tensor('float32', [N, 1], t), weight: new Tensor('float32', [N, 1], w) };
}

/** A forward-only scorer taking the parameters as inputs (scores with any values, any graph size). */
export class GcnScorer {
  private constructor(private readonly session: Session, private readonly names: string[]) {}

  static async create(channels: number, model: GcnModelOptions, createSession: SessionFactory): Promise<GcnScorer> {
    const b = new GraphBuilder({ name: 'weak-gcn-score', opset: GCN_OPSET });
    const { logits } = buildGcnScorer(b, channels, model);
    b.output(logits, 'logits');
    const names = b.trainableParameters().map((p) => p.value.name);
    return new GcnScorer(await createSession(serializeWithVariables(b), 'method 1 GCN scorer'), names);
  }

  async score(values: ReadonlyMap<string, Tensor>, graphFeeds: Record<string, Tensor>): Promise<Float32Array> {
    const feeds: Record<string, Tensor> = { ...graphFeeds };
    for (const n of this.names) feeds[n] = values.get(n)!;
    const out = await this.session.run(feeds);
    return out.logits.data as Float32Array;
  }

  release(): Promise<void> { return this.session.release(); }
}

/**
 * Method 1's vertex stage: a GCN trained on every training tile at once (their graphs as one
 * block-diagonal graph), with pseudo-labels drawn each epoch from the area ratio and the current
 * scores (the first epoch from the cold-start prior) and a loss on the labelled vertices only.
 */
export async function trainGcn(tiles: readonly VertexTile[], o: GcnTrainOptions): Promise<GcnTrainResult> {
  const g = blockGraph(tiles.map((t) => t.graph));
  const useBranch = !!o.model.fcn?.enabled;
  if (useBranch && tiles.some((t) => !t.branch)) throw new Error('the GCN has an end-to-end FCN branch but a tile has no branch input');
  const branch = useBranch ? branchFeeds(tiles.map((t) => t.branch!), g.offsets, g.numVertices) : {};
  const b = new GraphBuilder({ name: 'weak-gcn-train', opset: GCN_OPSET });
  const pixelDims = useBranch ? branch.pixels.dims : [];
  const { logits } = buildGcnScorer(b, g.channels, o.model, { numVertices: g.numVertices, numEntries: g.numEntries, tiles: pixelDims[0], height: pixelDims[2], width: pixelDims[3] });
  const targets = b.input('targets', 'float32', [g.numVertices, 1]);
  const weight = b.input('weight', 'float32', [g.numVertices, 1]);
  const loss = binaryCrossEntropyWithLogits(logits, targets, { weight });
  const step = buildTrainingStep({ builder: b, loss, optimizer: adam({ lr: o.lr, weightDecay: o.weightDecay ?? 0 }), metrics: { logits } });
  const runner = await StepRunner.create(step, o.createSession, 'method 1 GCN training step');
  const scorer = await GcnScorer.create(g.channels, o.model, o.createSession);
  const graphFeeds = {
    features: new Tensor('float32', [g.numVertices, g.channels], g.features),
    adj_indices: new Tensor('int64', [2, g.numEntries], g.indices),
    adj_values: new Tensor('float32', [g.numEntries], g.values),
    ...branch,
  };
  const split = (all: Float32Array): Float32Array[] => tiles.map((_, i) => all.slice(g.offsets[i], g.offsets[i + 1]));
  const losses: number[] = [];
  let first = 0;
  let scores: Float32Array[] | null = null;
  try {
    if (o.initialValues) runner.setParameters(o.initialValues);
    if (o.resume) {
      runner.restore(o.resume.step, o.resume.values);
      first = o.resume.epoch + 1;
      scores = split(await scorer.score(runner.parameters(), graphFeeds));
    }
    let labels: Int8Array[] = [];
    for (let epoch = first; epoch < o.epochs; epoch++) {
      if (o.signal?.aborted) throw o.signal.reason ?? new Error('aborted');
      // Step 1: pseudo-labels from the prior (first epoch) or the current scores.
      if (!scores) {
        const needModel = tiles.some((t) => !t.prior && !t.fixedLabels);
        const initial = needModel ? split(await scorer.score(runner.parameters(), graphFeeds)) : null;
        scores = tiles.map((t, i) => t.prior ?? initial?.[i] ?? new Float32Array(t.graph.numVertices));
      }
      const previous = labels;
      labels = tiles.map((t, i) => t.fixedLabels ?? ratioLabels(scores![i], t.area, t.ratio, t.error, o.areaWeighted ?? true).labels);
      let changed = 0; let total = 0;
      labels.forEach((l, i) => { total += l.length; if (previous[i]) for (let v = 0; v < l.length; v++) if (l[v] !== previous[i][v]) changed++; });
      const batch = { ...graphFeeds, ...targetsOf(tiles, labels, g, o.balance ?? false) };
      // Step 2: full-batch steps on these labels.
      let out: Record<string, Tensor> = {};
      for (let s = 0; s < o.stepsPerEpoch; s++) {
        out = await runner.run(batch);
        losses.push(Number(out.loss.data[0]));
      }
      // Step 3: the scores of the updated model rank the vertices of the next epoch.
      scores = split(await scorer.score(runner.parameters(), graphFeeds));
      await o.onEpoch?.({ epoch, epochs: o.epochs, loss: losses[losses.length - 1], changed: previous.length ? changed / total : 1, runner });
    }
    const final = scores ?? split(await scorer.score(runner.parameters(), graphFeeds));
    if (labels.length === 0) labels = tiles.map((t, i) => t.fixedLabels ?? ratioLabels(final[i], t.area, t.ratio, t.error, o.areaWeighted ?? true).labels);
    return { values: runner.parameters(), scores: final, labels, losses };
  } finally {
    await runner.release();
    await scorer.release();
  }
}

/** The trained scorer as a self-contained ONNX model (parameters baked in, symbolic graph size). */
export function exportGcn(channels: number, model: GcnModelOptions, values: ReadonlyMap<string, Tensor>): Uint8Array {
  const b = new GraphBuilder({ name: 'weak-gcn', opset: GCN_OPSET });
  const { logits } = buildGcnScorer(b, channels, model);
  b.output(logits, 'logits');
  return exportInferenceModel(b, values, { docString: 'method 1 vertex scorer (GCN over the superpixel graph); inputs features [N, C], adj_indices [2, E], adj_values [E]' });
}
