import type { Click } from '@seg/interactive';
import type { ImageU8 } from '@seg/tensor';
import { decodeImageBytes } from '@seg/tensor/browser';
import type { ImageReady, MaskResult, SegEngine } from './types';

interface ErrorBody { message?: string }

async function failure(r: Response, what: string): Promise<Error> {
  const body = (await r.json().catch(() => ({}))) as ErrorBody;
  return Object.assign(new Error(`${what}: ${r.status} ${body.message ?? r.statusText}`), { status: r.status });
}

/** The server-side fallback: the image is uploaded once, each click list goes to /interactive/sessions/:id/clicks. */
export class ServerEngine implements SegEngine {
  readonly kind = 'server' as const;
  private sessionId: string | null = null;
  private encoded: Blob | null = null;
  private size: [number, number] = [0, 0];

  constructor(private readonly apiBase = '') {}

  async setImage(image: ImageU8, encoded: Blob, progress: (m: string) => void): Promise<ImageReady> {
    progress('Uploading; the server computes the features…');
    this.encoded = encoded;
    this.size = [image.width, image.height];
    const r = await this.open();
    return { featureMs: r.featureMs, backbone: r.backbone, detail: `computed on the server (${r.backbone === 'resnet50v2' ? 'pretrained ResNet-50 v2' : 'weights-free filter bank'})` };
  }

  private async open(): Promise<{ featureMs: number; backbone: string; backboneSource: string }> {
    if (!this.encoded) throw new Error('no image loaded');
    await this.close();
    const r = await fetch(`${this.apiBase}/interactive/sessions`, { method: 'POST', headers: { 'content-type': this.encoded.type }, body: this.encoded });
    if (r.status !== 201) throw await failure(r, 'the server refused the image');
    const s = await r.json();
    this.sessionId = s.sessionId;
    return s;
  }

  async predict(clicks: readonly Click[]): Promise<MaskResult> {
    const [width, height] = this.size;
    const send = () => fetch(`${this.apiBase}/interactive/sessions/${this.sessionId}/clicks`, {
      method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ clicks }),
    });
    let r = await send();
    if (r.status === 404) {
      // the server evicted the session's features (or restarted): upload the image again, once
      await this.open();
      r = await send();
    }
    if (!r.ok) throw await failure(r, 'the server could not segment');
    const body = await r.json();
    const png = Uint8Array.from(atob(body.maskPng), (c) => c.charCodeAt(0));
    const gray = await decodeImageBytes(png, { channels: 1, label: 'mask PNG' });
    const mask = new Uint8Array(width * height);
    for (let i = 0; i < mask.length; i++) mask[i] = gray.data[i] > 127 ? 1 : 0;
    return { mask, width, height, ms: { train: body.timing.trainMs, predict: body.timing.predictMs } };
  }

  private async close(): Promise<void> {
    if (!this.sessionId) return;
    const id = this.sessionId;
    this.sessionId = null;
    await fetch(`${this.apiBase}/interactive/sessions/${id}`, { method: 'DELETE' }).catch(() => undefined);
  }

  async dispose(): Promise<void> {
    await this.close();
  }
}
