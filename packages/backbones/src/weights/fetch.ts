import { parseNpy, Tensor } from '@seg/tensor';
import { WeightSource, weightsFromMap } from './weight-source';

export type FetchLike = (url: string) => Promise<{ ok: boolean; status: number; arrayBuffer(): Promise<ArrayBuffer> }>;

/**
 * Fetches `<baseUrl>/<name>.npy` for each name (e.g. from `backboneWeightNames(...)`) and returns
 * them as a weight source: how a browser app gets pretrained weights it serves itself.
 */
export async function fetchWeights(baseUrl: string, names: readonly string[], options: { fetch?: FetchLike; concurrency?: number } = {}): Promise<WeightSource> {
  const get: FetchLike = options.fetch ?? ((url) => fetch(url));
  const base = baseUrl.replace(/\/+$/, '');
  const map = new Map<string, Tensor>();
  const queue = [...new Set(names)];
  // A few requests at a time: browsers limit connections per host anyway.
  const worker = async () => {
    for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
      const url = `${base}/${encodeURIComponent(name)}.npy`;
      const res = await get(url);
      if (!res.ok) throw new Error(`weights not found: GET ${url} answered ${res.status}`);
      map.set(name, parseNpy(new Uint8Array(await res.arrayBuffer()), url));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 6) }, worker));
  return weightsFromMap(map, base);
}
