import { Click, InteractiveSegmenter, standardizeChannels, toRows } from '@seg/interactive';
import { GraphBuilder, op, serializeModel } from '@seg/onnx';
import type { Session } from '@seg/runtime';
import { createWebSession, setupWebRuntime } from '@seg/runtime/web';
import { ImageU8, imageToNchw, resizeImage, toChannels } from '@seg/tensor';
import type { ImageReady, MaskResult, SegEngine } from './types';

/** Which features the page computes: the filter bank built here, or ResNet-50 v2 fetched from the server. */
export type BrowserBackbone = 'filterbank' | 'resnet50v2';

let runtime: { threads: number } | null = null;

/** onnxruntime-web set up once per page: wasm files from ./ort/ (an absolute URL), threads when cross-origin isolated. */
export function browserRuntime(): { threads: number } {
  runtime ??= setupWebRuntime({ wasmPaths: new URL('ort/', document.baseURI).href });
  return runtime;
}

let warm: Promise<number> | null = null;

/**
 * Loads and compiles onnxruntime-web's wasm runtime (14 MB) and starts its threads by creating one
 * tiny session, so that the first image's feature time is the features' own. Resolves to its ms.
 */
export function warmUpRuntime(): Promise<number> {
  warm ??= (async () => {
    browserRuntime();
    const t0 = performance.now();
    const b = new GraphBuilder({ name: 'warm-up' });
    b.output(op.add(b.input('x', 'float32', [1]), 1), 'y');
    const s = await createWebSession(serializeModel(b), {}, 'warm-up');
    await s.release();
    return performance.now() - t0;
  })();
  return warm;
}

const createSession = (model: Uint8Array, label: string): Promise<Session> => createWebSession(model, {}, label);

/**
 * Method 5 entirely in the page: backbone features with onnxruntime-web, then per click an L2
 * logistic regression (InteractiveSegmenter's default exact solver, its products run as ONNX
 * graphs on onnxruntime-web) and the graph-cut refinement on superpixels.
 */
export class BrowserEngine implements SegEngine {
  readonly kind = 'browser' as const;
  private readonly segmenter: InteractiveSegmenter;
  /** ResNet feature sessions by working size (the model comes from the server's /interactive/features-model). */
  private readonly remote = new Map<string, Session>();
  private size: [number, number] = [0, 0];

  constructor(readonly backbone: BrowserBackbone, private readonly apiBase = '') {
    browserRuntime();
    this.segmenter = new InteractiveSegmenter({ backbone, createSession });
  }

  async setImage(image: ImageU8, _encoded: Blob, progress: (m: string) => void): Promise<ImageReady> {
    const rgb = image.channels === 3 ? image : toChannels(image, 3);
    progress('Loading onnxruntime-web…');
    await warmUpRuntime();
    this.size = [rgb.width, rgb.height];
    const t0 = performance.now();
    const threads = `${browserRuntime().threads} wasm thread${browserRuntime().threads === 1 ? '' : 's'}`;
    if (this.backbone === 'filterbank') {
      progress('Computing filter-bank features in the browser…');
      await this.segmenter.setImage(rgb);
      return { featureMs: performance.now() - t0, backbone: 'filterbank', detail: `filter bank built in the page, onnxruntime-web (${threads})` };
    }
    // ResNet-50 v2: the graph (weights baked in) is fetched once per working size, then run here.
    const [h, w] = this.segmenter.workingSize(rgb.width, rgb.height);
    const key = `${h}x${w}`;
    let session = this.remote.get(key);
    if (!session) {
      progress(`Downloading the ResNet-50 v2 feature model (${w}x${h})…`);
      const r = await fetch(`${this.apiBase}/interactive/features-model?width=${w}&height=${h}`);
      if (!r.ok) throw new Error(`the server did not send the feature model: ${r.status} ${(await r.json().catch(() => ({}))).message ?? ''}`);
      const bytes = new Uint8Array(await r.arrayBuffer());
      progress('Compiling the feature model…');
      session = await createSession(bytes, `resnet50v2 features ${key}`);
      this.remote.set(key, session);
    }
    progress('Computing ResNet-50 v2 features in the browser…');
    const input = imageToNchw(rgb.width === w && rgb.height === h ? rgb : resizeImage(rgb, { width: w, height: h }));
    const f = (await session.run({ image: input })).features;
    const [, c, gh, gw] = f.dims;
    // same post-processing as InteractiveSegmenter.setImage: rows per grid cell, standardised
    // channels, and the image's superpixel graph for the graph-cut refinement (same settings)
    progress('Computing superpixels…');
    const refinement = (this.segmenter.options.refine ?? 'graphcut') === 'none' ? null : this.segmenter.refinementFor(rgb);
    await this.segmenter.setFeatures(standardizeChannels({
      width: gw, height: gh, channels: c, data: toRows(f.data as Float32Array, c, gh, gw), imageWidth: rgb.width, imageHeight: rgb.height,
    }), refinement);
    return { featureMs: performance.now() - t0, backbone: 'resnet50v2', detail: `ResNet-50 v2 model from the server, run in the page (${threads})` };
  }

  async predict(clicks: readonly Click[]): Promise<MaskResult> {
    const [width, height] = this.size;
    if (clicks.length === 0) return { mask: new Uint8Array(width * height), width, height, ms: { train: 0, predict: 0 } };
    const p = await this.segmenter.predict(clicks);
    return { mask: p.mask, width: p.width, height: p.height, ms: { train: p.ms.train, predict: p.ms.predict + p.ms.upsample } };
  }

  async dispose(): Promise<void> {
    await this.segmenter.release();
    for (const s of this.remote.values()) await s.release();
    this.remote.clear();
  }
}
