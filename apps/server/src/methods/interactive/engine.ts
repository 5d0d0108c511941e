import { buildFeatureGraph, Click, FeatureGrid, InteractiveSegmenter, Prediction, SegmenterOptions, SessionFactory } from '@seg/interactive';
import { serializeModel } from '@seg/onnx';
import type { LabelMap } from '@seg/superpixels';
import type { ImageU8 } from '@seg/tensor';
import { ByteLruCache } from '../../core/lru-cache';
import type { ResolvedBackbone } from './backbone';
import { SerialQueue } from './serial-queue';

export interface EngineOptions {
  backbone: ResolvedBackbone;
  createSession: SessionFactory;
  /** Longest side the features are computed at (the segmenter's maxSide). */
  maxSide?: number;
  /** Feature-model sessions kept alive, one per working size (each holds the backbone's weights). */
  extractorSlots?: number;
  /** Sessions whose classifier (weights and its small ORT sessions) stays alive between clicks. */
  clickerSlots?: number;
  /** Memory budget for serialized feature models served to browsers. */
  modelCacheBytes?: number;
}

/** A session's own segmenter: its classifier warm-starts every click from the previous click's weights. */
interface Clicker { segmenter: InteractiveSegmenter; queue: SerialQueue; grid: FeatureGrid | null }

/**
 * The server's side of method 5 (@seg/interactive): feature extraction and per-click training
 * through InteractiveSegmenter's public API. Feature extraction uses one segmenter per working
 * size (each compiles the backbone once), serialised on one queue. Clicks use one segmenter per
 * active session, so that each click warm-starts from that session's previous weights as in the
 * browser; its calls are serialised per session. Both pools are bounded (least recently used go).
 */
export class InteractiveEngine {
  readonly backbone: ResolvedBackbone;
  private readonly options: SegmenterOptions;
  /** One segmenter per working size used only for setImage: each compiles one feature session. */
  private readonly extractors = new Map<string, InteractiveSegmenter>();
  private readonly slots: number;
  /** Answers workingSize(); never holds an image. */
  private readonly sizer: InteractiveSegmenter;
  private readonly clickers = new Map<string, Clicker>();
  private readonly clickerSlots: number;
  private readonly featureQueue = new SerialQueue();
  private readonly models: ByteLruCache<Uint8Array>;

  constructor(o: EngineOptions) {
    this.backbone = o.backbone;
    this.options = { backbone: o.backbone.name, weights: o.backbone.weights, createSession: o.createSession, maxSide: o.maxSide };
    this.sizer = new InteractiveSegmenter(this.options);
    this.slots = Math.max(1, o.extractorSlots ?? 2);
    this.clickerSlots = Math.max(1, o.clickerSlots ?? 32);
    this.models = new ByteLruCache<Uint8Array>(o.modelCacheBytes ?? 512 * 1024 * 1024);
  }

  /** [height, width] the features of a width x height image are computed at. */
  workingSize(width: number, height: number): [number, number] {
    return this.sizer.workingSize(width, height);
  }

  get maxSide(): number { return this.options.maxSide ?? 512; }

  /** Backbone features of an image, standardised per channel, on the method's grid, and the superpixels the segmenter refines with. */
  features(img: ImageU8): Promise<{ grid: FeatureGrid; superpixels: LabelMap | null; ms: number }> {
    return this.featureQueue.run(async () => {
      const [h, w] = this.workingSize(img.width, img.height);
      const key = `${h}x${w}`;
      let seg = this.extractors.get(key);
      if (seg) this.extractors.delete(key);
      else seg = new InteractiveSegmenter(this.options);
      this.extractors.set(key, seg); // most recently used last
      for (const [k, old] of this.extractors) {
        if (this.extractors.size <= this.slots) break;
        this.extractors.delete(k);
        await old.release();
      }
      const t0 = performance.now();
      const grid = await seg.setImage(img);
      return { grid, superpixels: seg.currentSuperpixels(), ms: performance.now() - t0 };
    });
  }

  /**
   * Trains session `id`'s classifier on the clicks, continuing from its weights after the previous
   * click (a session whose classifier was dropped from the pool starts again from zero), and
   * predicts the mask.
   */
  predict(id: string, grid: FeatureGrid, superpixels: LabelMap | null, clicks: readonly Click[]): Promise<Prediction & { queueMs: number }> {
    const queued = performance.now();
    let c = this.clickers.get(id);
    if (c) this.clickers.delete(id);
    else c = { segmenter: new InteractiveSegmenter(this.options), queue: new SerialQueue(), grid: null };
    this.clickers.set(id, c); // most recently used last
    for (const k of this.clickers.keys()) {
      if (this.clickers.size <= this.clickerSlots) break;
      this.forget(k);
    }
    const clicker = c;
    return clicker.queue.run(async () => {
      const queueMs = performance.now() - queued;
      if (clicker.grid !== grid) {
        await clicker.segmenter.setFeatures(grid, superpixels);
        clicker.grid = grid;
      }
      return { ...(await clicker.segmenter.predict(clicks)), queueMs };
    });
  }

  /** Drops session `id`'s classifier (after its pending clicks). */
  forget(id: string): void {
    const c = this.clickers.get(id);
    if (!c) return;
    this.clickers.delete(id);
    void c.queue.run(() => c.segmenter.release()).catch(() => undefined);
  }

  get activeClassifiers(): number { return this.clickers.size; }

  /** The feature graph for an input of height x width as ONNX bytes (weights baked in), for browsers; cached by size. */
  featureModel(height: number, width: number): Uint8Array {
    const key = `${height}x${width}`;
    const hit = this.models.get(key);
    if (hit) return hit;
    const g = buildFeatureGraph({ backbone: this.backbone.name, weights: this.backbone.weights, imageSize: [height, width] });
    const bytes = serializeModel(g.builder);
    if (bytes.byteLength <= this.models.budgetBytes) this.models.set(key, bytes, bytes.byteLength);
    return bytes;
  }

  async release(): Promise<void> {
    await this.featureQueue.run(async () => {
      for (const s of this.extractors.values()) await s.release();
      this.extractors.clear();
    });
    await Promise.all([...this.clickers.values()].map((c) => c.queue.run(() => c.segmenter.release())));
    this.clickers.clear();
  }
}
