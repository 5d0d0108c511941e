import { randomUUID } from 'crypto';
import type { Click, FeatureGrid } from '@seg/interactive';
import type { LabelMap } from '@seg/superpixels';
import { ByteLruCache } from '../../core/lru-cache';
import { notFound } from '../../core/errors';
import { SerialQueue } from './serial-queue';

/** One image being segmented: its cached features, the clicks so far and the latest mask. */
export interface ImageSession {
  id: string;
  width: number;
  height: number;
  grid: FeatureGrid;
  /** The image's superpixels when the segmenter refines with them (computed with the features). */
  superpixels: LabelMap | null;
  clicks: Click[];
  /** Latest prediction (0/1 per pixel), all zeros before the first click. */
  mask: Uint8Array;
  createdAt: number;
  /** Click edits run one at a time, so that concurrent "add a click" requests each see the other's click. */
  edits: SerialQueue;
}

/** How many evicted ids are remembered, so that their clients hear "expired" rather than "unknown". */
const REMEMBERED_EXPIRED = 10_000;

/**
 * Image sessions in a byte-bounded LRU cache (features dominate: grid cells x channels x 4 bytes,
 * plus the mask and superpixel labels). The least recently used sessions are evicted when the budget is exceeded; their
 * ids answer 404 "expired".
 */
export class SessionStore {
  private readonly cache: ByteLruCache<ImageSession>;
  private readonly expired = new Set<string>();

  /** `onDrop` hears every session that leaves the store (evicted or deleted), to free what else it holds. */
  constructor(readonly budgetBytes: number, private readonly onDrop: (id: string) => void = () => undefined) {
    this.cache = new ByteLruCache<ImageSession>(budgetBytes, (id) => { this.remember(id); this.onDrop(id); });
  }

  get size(): number { return this.cache.size; }
  get bytes(): number { return this.cache.bytes; }

  static bytesOf(s: Pick<ImageSession, 'grid' | 'mask' | 'superpixels'>): number {
    return s.grid.data.byteLength + s.mask.byteLength + (s.superpixels?.labels.byteLength ?? 0) + 1024;
  }

  create(width: number, height: number, grid: FeatureGrid, superpixels: LabelMap | null): ImageSession {
    const session: ImageSession = { id: randomUUID(), width, height, grid, superpixels, clicks: [], mask: new Uint8Array(width * height), createdAt: Date.now(), edits: new SerialQueue() };
    const bytes = SessionStore.bytesOf(session);
    if (bytes > this.budgetBytes) {
      throw new Error(`the image's features need ${bytes} bytes, more than the whole feature cache (${this.budgetBytes} bytes; raise SEG_FEATURE_CACHE_BYTES or send a smaller image)`);
    }
    this.cache.set(session.id, session, bytes);
    return session;
  }

  /** The session, marked as recently used; 404 naming whether it expired or never existed. */
  get(id: string): ImageSession {
    const s = this.cache.get(id);
    if (s) return s;
    if (this.expired.has(id)) {
      throw notFound(`session ${id} expired: its features were evicted from the feature cache (budget ${this.budgetBytes} bytes); POST the image to /interactive/sessions again`);
    }
    throw notFound(`unknown session '${id}'; create one by POSTing an image to /interactive/sessions`);
  }

  delete(id: string): boolean {
    const had = this.cache.delete(id);
    if (had) this.onDrop(id);
    return had;
  }

  private remember(id: string): void {
    this.expired.add(id);
    if (this.expired.size > REMEMBERED_EXPIRED) this.expired.delete(this.expired.values().next().value as string);
  }
}
