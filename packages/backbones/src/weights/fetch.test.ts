import { serializeNpy } from '@seg/tensor';
import { backboneWeightNames, buildBackbone } from '../registry';
import { fetchWeights } from './fetch';
import { syntheticWeights } from './seeded';

describe('fetchWeights (what a browser app does)', () => {
  it('fetches exactly the listed .npy files and builds the same network', async () => {
    const src = syntheticWeights(5);
    const names = backboneWeightNames('squeezenet1.1', { taps: ['fire2'] });
    const served = new Map(names.map((w) => [`https://host/models/sq/${w.name}.npy`, serializeNpy(src.get(w.name, w.dims))]));
    const asked: string[] = [];
    const fakeFetch = async (url: string) => {
      asked.push(url);
      const body = served.get(url);
      return { ok: !!body, status: body ? 200 : 404, arrayBuffer: async () => (body ?? new Uint8Array()).slice().buffer };
    };
    const weights = await fetchWeights('https://host/models/sq/', names.map((w) => w.name), { fetch: fakeFetch });
    expect(asked.sort()).toEqual([...served.keys()].sort());
    const a = buildBackbone('squeezenet1.1', { weights, taps: ['fire2'] });
    const b = buildBackbone('squeezenet1.1', { weights: src, taps: ['fire2'] });
    for (const [n, p] of a.builder.parameters) expect(p.tensor.data).toEqual(b.builder.parameters.get(n)!.tensor.data);
    await expect(fetchWeights('https://host/models/sq', ['missing'], { fetch: fakeFetch }))
      .rejects.toThrow('weights not found: GET https://host/models/sq/missing.npy answered 404');
  });
});
