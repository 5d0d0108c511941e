import type { WeakModelEntry } from './api';
import type { DrawnCounts, LayerToggles } from './layers-view';

/** Everything the method-1 page knows, exposed as window.segWeakDemo for tests and curious users. */
export interface WeakDemoState {
  /** 'loading' until the server answered; 'busy' while a prediction runs. */
  state: 'loading' | 'idle' | 'busy';
  server: { available: boolean; sharedSets: string[] };
  models: WeakModelEntry[];
  /** The selected model (a weak.train job id). */
  model: string | null;
  training: {
    source: 'synthetic' | 'monuseg';
    job: string | null;
    status: 'uploading' | 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
    step: number;
    total: number;
    message: string;
    /** Progress events received over SSE. */
    events: number;
    seconds: number | null;
  } | null;
  image: { name: string; width: number; height: number; seed: number | null; trueRatio: number | null } | null;
  prediction: {
    model: string;
    width: number;
    height: number;
    areaRatio: number;
    superpixelAreaRatio: number | null;
    /** 0/1 predicted region at the image's size. */
    mask: Uint8Array;
    /** Dice against the true mask (synthetic tiles only). */
    dice: number | null;
    vertices: number;
    edges: number;
    ms: Record<string, number>;
    roundTripMs: number;
  } | null;
  /** Finished predictions so far. */
  predictions: number;
  layers: LayerToggles;
  drawn: DrawnCounts;
  error: string | null;
}

export function createState(): WeakDemoState {
  const s: WeakDemoState = {
    state: 'loading', server: { available: false, sharedSets: [] }, models: [], model: null, training: null, image: null,
    prediction: null, predictions: 0, layers: { boundaries: true, graph: true, region: true },
    drawn: { boundaryPixels: 0, edges: 0, vertices: 0, regionPixels: 0, outlines: 0 }, error: null,
  };
  (window as unknown as { segWeakDemo: WeakDemoState }).segWeakDemo = s;
  return s;
}
