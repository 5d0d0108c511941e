import type { WeakConfigInput } from '@seg/weak';

/** The server's method-1 routes (apps/server/src/methods/weak) and its job routes, as the page uses them. */

export interface WeakInfo { jobKind: string; sharedSets: string[] }

export interface WeakModelEntry {
  model: string;
  createdAt: string;
  /** 'upload' or the shared set's name. */
  source: string;
  result: { train?: number; trainSeconds?: number; supervision?: string } | null;
}

export interface JobRecord {
  id: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
  progress: { step: number; total: number; message?: string; metrics?: Record<string, number> } | null;
  result: unknown;
  error: string | null;
}

export interface TrainRequest {
  dataset?: string;
  shared?: 'monuseg';
  config?: WeakConfigInput;
  trainSplit?: number;
}

export interface PredictResponse {
  model: string;
  width: number;
  height: number;
  areaRatio: number;
  maskPng: string;
  superpixel: { areaRatio: number; segments: number } | null;
  /** With detail=true; null for a model without a superpixel stage. */
  boundaryPng: string | null;
  graph: { vertices: [number, number, number][]; edges: [number, number, number][]; sigma: number } | null;
  ms: { features: number; superpixels: number; gcn: number; pixel: number; total: number };
}

/** JSON of a response, or an Error carrying the server's message. */
async function json<T>(res: Response, what: string): Promise<T> {
  const body = await res.json().catch(() => null) as (T & { message?: string }) | null;
  if (!res.ok) throw new Error(`${what}: ${body?.message ?? `HTTP ${res.status}`}`);
  return body as T;
}

const postJson = (url: string, body: unknown): Promise<Response> =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

export const weakInfo = async (): Promise<WeakInfo> => json(await fetch('/weak/info'), 'method 1 info');

export const listModels = async (): Promise<WeakModelEntry[]> => json(await fetch('/weak/models'), 'list models');

export async function uploadDataset(images: { name: string; image: string; ratio: number }[]): Promise<string> {
  return (await json<{ dataset: string }>(await postJson('/weak/datasets', { images }), 'upload training tiles')).dataset;
}

export async function startTraining(req: TrainRequest): Promise<JobRecord> {
  return json(await postJson('/weak/train', req), 'start training');
}

export async function cancelJob(id: string): Promise<void> {
  await json(await fetch(`/jobs/${id}/cancel`, { method: 'POST' }), 'cancel training');
}

/**
 * Follows a job's Server-Sent Events (/jobs/:id/events) until it ends: calls `onProgress` with
 * every record and resolves with the last one (succeeded, failed or cancelled).
 */
export function followJob(id: string, onProgress: (r: JobRecord) => void): Promise<JobRecord> {
  return new Promise((resolve, reject) => {
    const es = new EventSource(`/jobs/${id}/events`);
    const take = (e: MessageEvent<string>): JobRecord => { const r = JSON.parse(e.data) as JobRecord; onProgress(r); return r; };
    es.addEventListener('progress', (e) => take(e as MessageEvent<string>));
    for (const end of ['succeeded', 'failed', 'cancelled']) {
      es.addEventListener(end, (e) => { es.close(); resolve(take(e as MessageEvent<string>)); });
    }
    // The server closes the stream after the final event; an error before it means the connection failed.
    es.onerror = () => { if (es.readyState === EventSource.CLOSED) reject(new Error(`lost the progress stream of job ${id}`)); };
  });
}

export async function predict(model: string, image: Blob): Promise<PredictResponse> {
  const res = await fetch(`/weak/models/${model}/predict?detail=true`, { method: 'POST', headers: { 'content-type': image.type || 'image/png' }, body: image });
  return json(res, 'predict');
}
