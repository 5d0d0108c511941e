import { adam, binaryCrossEntropyWithLogits, buildTrainingStep, exportInferenceModel, op, serializeWithVariables, Value } from '@seg/onnx';
import type { Session } from '@seg/runtime';
import { Rng, Tensor } from '@seg/tensor';
import { SessionFactory, StepRunner } from '../engine/step-runner';
import { sizePenalty } from '../losses/size-constraint';
import { pixelFcnGraph, PixelFcnOptions } from './pixel-fcn';

/** One training tile of the pixel stage. */
export interface PixelTile {
  /** Standardised input planes [channels, H, W]. */
  input: Float32Array;
  width: number;
  height: number;
  /** Per-pixel labels: 1 foreground, 0 background, -1 ignored. */
  targets: Int8Array;
  /** Area ratio and error (used by the size loss). */
  ratio: number;
  error: number;
}

/**
 * Losses of the pixel stage:
 * - 'labels': cross-entropy on the labelled pixels (pseudo-labels or a full mask), classes balanced per batch;
 * - 'size': Kervadec et al. 2019's size-constraint loss: partial cross-entropy on the labelled
 *   (seed) pixels plus λ × the size penalty with bounds [(r − e)·HW, (r + e)·HW] per crop.
 */
export type PixelLoss = 'labels' | 'size';

export interface PixelTrainerOptions {
  channels: number;
  model?: PixelFcnOptions;
  loss?: PixelLoss;
  /** λ of the size penalty (default 0.01, the paper's value). */
  sizeWeight?: number;
  /** Crops per step and their side (working-scale pixels). */
  batch?: number;
  crop?: number;
  lr?: number;
  /** Weigh the classes equally in each batch (default false: keeps probabilities calibrated to the label frequencies). */
  balance?: boolean;
  /**
   * Augment each crop: a random one of the 8 flips/transposes, and a random per-channel affine
   * jitter of the standardised planes (gain 1 ± `jitter`, offset ± `jitter`), a stand-in for the
   * stain and scanner variation between slides. 0 = no jitter.
   */
  augment?: boolean;
  jitter?: number;
  seed?: number;
  createSession: SessionFactory;
}

/** Trains the pixel FCN on random crops with @seg/onnx's step graph, and predicts whole tiles. */
export class PixelTrainer {
  private scorer: { session: Session; names: string[] } | null = null;
  private rng: Rng;

  private constructor(readonly o: Required<Omit<PixelTrainerOptions, 'model' | 'createSession'>> & { model: PixelFcnOptions; createSession: SessionFactory }, readonly runner: StepRunner) {
    this.rng = new Rng(o.seed);
  }

  static async create(options: PixelTrainerOptions): Promise<PixelTrainer> {
    const o = {
      loss: 'labels' as PixelLoss, sizeWeight: 0.01, batch: 8, crop: 64, lr: 5e-3, balance: false, augment: false, jitter: 0.1, seed: 0, model: {}, ...options,
    };
    if (o.loss !== 'labels' && o.loss !== 'size') throw new Error(`pixel loss must be 'labels' or 'size', got '${String(o.loss)}'`);
    const { b, logits } = pixelFcnGraph('weak-pixel-train', o.channels, { batch: o.batch, height: o.crop, width: o.crop }, { seed: o.seed, ...o.model });
    const targets = b.input('targets', 'float32', [o.batch, 1, o.crop, o.crop]);
    const weight = b.input('weight', 'float32', [o.batch, 1, o.crop, o.crop]);
    let loss: Value = binaryCrossEntropyWithLogits(logits, targets, { weight });
    if (o.loss === 'size') {
      const lower = b.input('lower', 'float32', [o.batch]);
      const upper = b.input('upper', 'float32', [o.batch]);
      loss = op.add(loss, op.mul(sizePenalty(op.sigmoid(logits), lower, upper), o.sizeWeight));
    }
    const step = buildTrainingStep({ builder: b, loss, optimizer: adam({ lr: o.lr }) });
    return new PixelTrainer(o, await StepRunner.create(step, o.createSession, 'method 1 pixel FCN training step'));
  }

  /** The batch of the next step: random crops from random tiles (crops that hold no labelled pixel are redrawn a few times). */
  sampleBatch(tiles: readonly PixelTile[]): Record<string, Tensor> {
    const { batch: B, crop: S, channels: C } = this.o;
    // The crops of step k depend on (seed, k) alone, so a resumed run draws what an uninterrupted one would.
    this.rng = new Rng((this.o.seed * 1_000_003 + this.runner.steps) >>> 0);
    const x = new Float32Array(B * C * S * S);
    const t = new Float32Array(B * S * S);
    const w = new Float32Array(B * S * S);
    const lower = new Float32Array(B);
    const upper = new Float32Array(B);
    let fg = 0; let bg = 0;
    for (let i = 0; i < B; i++) {
      let tile: PixelTile; let x0 = 0; let y0 = 0;
      for (let attempt = 0; ; attempt++) {
        tile = tiles[this.rng.int(tiles.length)];
        if (tile.width < S || tile.height < S) throw new Error(`pixel stage: a ${tile.width}x${tile.height} tile is smaller than the ${S}x${S} crop; lower the crop size`);
        x0 = this.rng.int(tile.width - S + 1); y0 = this.rng.int(tile.height - S + 1);
        if (attempt >= 4 || this.o.loss === 'size') break;
        let any = false;
        for (let y = 0; y < S && !any; y += 4) for (let xx = 0; xx < S; xx += 4) if (tile.targets[(y0 + y) * tile.width + x0 + xx] >= 0) { any = true; break; }
        if (any) break;
      }
      const n = tile.width * tile.height;
      // Crop pixel (y, x) reads source (sy, sx) of the dihedral transform `d` (identity without augmentation).
      const d = this.o.augment ? this.rng.int(8) : 0;
      const srcOf = (y: number, xx: number): number => {
        let a = y; let b = xx;
        if (d & 4) { const tmp = a; a = b; b = tmp; }
        if (d & 1) b = S - 1 - b;
        if (d & 2) a = S - 1 - a;
        return (y0 + a) * tile.width + x0 + b;
      };
      for (let c = 0; c < C; c++) {
        const gain = this.o.augment ? 1 + this.o.jitter * (2 * this.rng.random() - 1) : 1;
        const offset = this.o.augment ? this.o.jitter * (2 * this.rng.random() - 1) : 0;
        const base = c * n; const out = (i * C + c) * S * S;
        for (let y = 0; y < S; y++) for (let xx = 0; xx < S; xx++) x[out + y * S + xx] = tile.input[base + srcOf(y, xx)] * gain + offset;
      }
      for (let y = 0; y < S; y++) for (let xx = 0; xx < S; xx++) {
        const l = tile.targets[srcOf(y, xx)];
        const k = (i * S + y) * S + xx;
        if (l === 1) { t[k] = 1; w[k] = 1; fg++; } else if (l === 0) { w[k] = 1; bg++; }
      }
      lower[i] = Math.max(0, tile.ratio - tile.error) * S * S;
      upper[i] = Math.min(1, tile.ratio + tile.error) * S * S;
    }
    // Balance the classes within the batch: each contributes half of the loss.
    if (this.o.balance && fg > 0 && bg > 0) {
      const wf = (fg + bg) / (2 * fg); const wb = (fg + bg) / (2 * bg);
      for (let k = 0; k < w.length; k++) if (w[k] > 0) w[k] = t[k] > 0 ? wf : wb;
    }
    const dims4 = [B, 1, S, S];
    const feeds: Record<string, Tensor> = {
      image: new Tensor('float32', [B, C, S, S], x),
      targets: new Tensor('float32', dims4, t),
      weight: new Tensor('float32', dims4, w),
    };
    if (this.o.loss === 'size') { feeds.lower = new Tensor('float32', [B], lower); feeds.upper = new Tensor('float32', [B], upper); }
    return feeds;
  }

  /** `steps` steps on random crops of the tiles; returns the mean loss of the last tenth of them. */
  async train(tiles: readonly PixelTile[], steps: number, hooks: { signal?: AbortSignal; onStep?(step: number, loss: number): void | Promise<void> } = {}): Promise<number> {
    if (tiles.length === 0) throw new Error('pixel stage: no training tiles');
    const tail: number[] = [];
    for (let s = 0; s < steps; s++) {
      if (hooks.signal?.aborted) throw hooks.signal.reason ?? new Error('aborted');
      const out = await this.runner.run(this.sampleBatch(tiles));
      const loss = Number(out.loss.data[0]);
      if (s >= steps - Math.max(1, Math.floor(steps / 10))) tail.push(loss);
      await hooks.onStep?.(s, loss);
    }
    return tail.reduce((a, b) => a + b, 0) / Math.max(1, tail.length);
  }

  /** Foreground probability of every pixel of a tile's input planes [channels, H, W], with the current (or given) parameters. */
  async predict(input: Float32Array, width: number, height: number, values: ReadonlyMap<string, Tensor> = this.runner.parameters()): Promise<Float32Array> {
    if (!this.scorer) {
      const { b, logits } = pixelFcnGraph('weak-pixel-score', this.o.channels, { batch: 1, height: 'height', width: 'width' }, this.o.model);
      b.output(op.sigmoid(logits), 'probability');
      const session = await this.o.createSession(serializeWithVariables(b), 'method 1 pixel FCN scorer');
      this.scorer = { session, names: b.trainableParameters().map((p) => p.value.name) };
    }
    const feeds: Record<string, Tensor> = { image: new Tensor('float32', [1, this.o.channels, height, width], input) };
    for (const n of this.scorer.names) feeds[n] = values.get(n)!;
    const out = await this.scorer.session.run(feeds);
    return out.probability.data as Float32Array;
  }

  async release(): Promise<void> {
    await this.runner.release();
    if (this.scorer) await this.scorer.session.release();
    this.scorer = null;
  }
}

/** The trained FCN as a self-contained ONNX model: 'image' [1, C, H, W] -> 'probability' [1, 1, H, W]. */
export function exportPixelFcn(channels: number, model: PixelFcnOptions, values: ReadonlyMap<string, Tensor>): Uint8Array {
  const { b, logits } = pixelFcnGraph('weak-pixel', channels, { batch: 1, height: 'height', width: 'width' }, model);
  b.output(op.sigmoid(logits), 'probability');
  return exportInferenceModel(b, values, { docString: 'method 1 pixel refinement FCN: standardised L, a, b, haematoxylin, eosin planes -> foreground probability' });
}
