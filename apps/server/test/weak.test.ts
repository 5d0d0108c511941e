import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import sharp from 'sharp';
import type { FastifyInstance } from 'fastify';
import { blobImage, overlap, TINY_CONFIG } from '@seg/weak';
import { buildApp } from '../src/app';
import { configFromEnv, ServerConfig } from '../src/core/config';
import { weakPlugin } from '../src/methods/weak';

async function start(config: ServerConfig): Promise<{ app: FastifyInstance; url: string }> {
  const { app } = await buildApp(config, [weakPlugin()]);
  await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, url: `http://127.0.0.1:${(app.server.address() as { port: number }).port}` };
}

const pngOf = (b: ReturnType<typeof blobImage>): Promise<Buffer> => sharp(Buffer.from(b.image.data), { raw: { width: 64, height: 64, channels: 3 } }).png().toBuffer();

const post = (url: string, body: unknown) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** Reads the job's SSE stream to its end; returns the event names and the last record. */
async function follow(url: string, id: string): Promise<{ events: string[]; last: { status: string; result: Record<string, unknown>; error: string | null } }> {
  const text = await (await fetch(`${url}/jobs/${id}/events`)).text();
  const blocks = text.trim().split('\n\n');
  const events = blocks.map((e) => e.split('\n')[0].replace('event: ', ''));
  return { events, last: JSON.parse(blocks[blocks.length - 1].split('\n')[1].replace('data: ', '')) };
}

describe('method 1 routes (real listening server, synthetic blobs)', () => {
  let dir: string;
  let config: ServerConfig;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'seg-weak-server-'));
    config = configFromEnv({}, { dataDir: dir, threads: 1, maxUploadBytes: 2_000_000 });
  });
  afterAll(async () => { await fs.rm(dir, { recursive: true, force: true }); });

  it('uploads images with ratios, trains a weak.train job with SSE progress, and segments a new image', async () => {
    const { app, url } = await start(config);
    try {
      const blobs = [1, 2, 3, 4, 5, 6].map((seed) => blobImage({ seed, blobs: 6 + (seed % 5), noise: 10 }));
      const images = await Promise.all(blobs.map(async (b, i) => ({ name: `tile${i}.png`, image: (await pngOf(b)).toString('base64'), ratio: b.ratio })));
      const up = await post(`${url}/weak/datasets`, { images });
      expect(up.status).toBe(201);
      const { dataset } = await up.json();

      const started = await post(`${url}/weak/train`, { dataset, config: TINY_CONFIG });
      expect(started.status).toBe(202);
      const job = await started.json();
      expect(job.kind).toBe('weak.train');
      const { events, last } = await follow(url, job.id);
      expect(last.error).toBeNull();
      expect(events[events.length - 1]).toBe('succeeded');
      expect(events.filter((e) => e === 'progress').length).toBeGreaterThan(3);
      expect(last.result).toMatchObject({ model: job.id, supervision: 'ratio', train: 6 });

      const models = await (await fetch(`${url}/weak/models`)).json();
      expect(models.map((m: { model: string; source: string }) => [m.model, m.source])).toEqual([[job.id, 'upload']]);

      const test = blobImage({ seed: 77, blobs: 8, noise: 10 });
      const res = await fetch(`${url}/weak/models/${job.id}/predict?probability=true`, { method: 'POST', headers: { 'content-type': 'image/png' }, body: new Uint8Array(await pngOf(test)) });
      expect(res.status).toBe(200);
      const p = await res.json();
      expect([p.width, p.height]).toEqual([64, 64]);
      expect(Math.abs(p.areaRatio - test.ratio)).toBeLessThan(0.05);
      const mask = await sharp(Buffer.from(p.maskPng, 'base64')).greyscale().raw().toBuffer();
      expect(overlap(Uint8Array.from(mask, (v) => (v > 127 ? 1 : 0)), test.mask).dice).toBeGreaterThan(0.85);
      expect(p.probabilityPng).toEqual(expect.any(String));
      expect(p.graph).toBeUndefined();

      // detail=true: superpixel boundaries at the image's size and the graph the GCN ran on
      const dres = await fetch(`${url}/weak/models/${job.id}/predict?detail=true`, { method: 'POST', headers: { 'content-type': 'image/png' }, body: new Uint8Array(await pngOf(test)) });
      expect(dres.status).toBe(200);
      const d = await dres.json();
      expect(d.areaRatio).toBe(p.areaRatio);
      const { data: edge, info } = await sharp(Buffer.from(d.boundaryPng, 'base64')).greyscale().raw().toBuffer({ resolveWithObject: true });
      expect([info.width, info.height]).toEqual([64, 64]);
      const onBoundary = edge.reduce((a, v) => a + (v > 127 ? 1 : 0), 0);
      expect(onBoundary).toBeGreaterThan(64 * 64 * 0.1);
      expect(onBoundary).toBeLessThan(64 * 64 * 0.8);
      const { vertices, edges } = d.graph as { vertices: [number, number, number][]; edges: [number, number, number][] };
      expect(vertices).toHaveLength(p.superpixel.segments);
      for (const [x, y, prob] of vertices) {
        expect(x).toBeGreaterThanOrEqual(0); expect(x).toBeLessThan(64);
        expect(y).toBeGreaterThanOrEqual(0); expect(y).toBeLessThan(64);
        expect(prob).toBeGreaterThanOrEqual(0); expect(prob).toBeLessThanOrEqual(1);
      }
      expect(edges.length).toBeGreaterThanOrEqual(vertices.length - 1);
      expect(new Set(edges.map(([i, j]) => `${i}-${j}`)).size).toBe(edges.length);
      for (const [i, j, w] of edges) {
        expect(i).toBeLessThan(j); expect(j).toBeLessThan(vertices.length);
        expect(w).toBeGreaterThanOrEqual(0); expect(w).toBeLessThanOrEqual(1);
      }
      // the vertices on the blobs are the confident ones: mean probability inside vs outside the true mask
      const inside = vertices.filter(([x, y]) => test.mask[Math.round(y) * 64 + Math.round(x)]);
      const outside = vertices.filter(([x, y]) => !test.mask[Math.round(y) * 64 + Math.round(x)]);
      const mean = (vs: [number, number, number][]): number => vs.reduce((a, v) => a + v[2], 0) / vs.length;
      expect(mean(inside)).toBeGreaterThan(mean(outside) + 0.3);
    } finally {
      await app.close();
    }
  });

  it('rejects bad ratios, unknown datasets and unknown models with clear messages', async () => {
    const { app, url } = await start(config);
    try {
      const b = blobImage({ seed: 3 });
      const bad = await post(`${url}/weak/datasets`, { images: [{ name: 'a.png', image: (await pngOf(b)).toString('base64'), ratio: 1.5 }] });
      expect(bad.status).toBe(400);
      expect((await bad.json()).message).toMatch(/area ratio 1.5 is outside \[0, 1\]/);
      const missing = await post(`${url}/weak/datasets`, { images: [{ name: 'a.png', image: (await pngOf(b)).toString('base64'), ratio: '' }] });
      expect((await missing.json()).message).toMatch(/missing area ratio/);
      const path1 = await post(`${url}/weak/datasets`, { images: [{ name: '../x.png', image: 'AAAA', ratio: 0.1 }] });
      expect((await path1.json()).message).toMatch(/no paths/);
      const noSet = await post(`${url}/weak/train`, { dataset: '00000000-0000-0000-0000-000000000000' });
      expect(noSet.status).toBe(404);
      expect((await noSet.json()).message).toMatch(/no dataset/);
      const noModel = await fetch(`${url}/weak/models/nope/predict`, { method: 'POST', headers: { 'content-type': 'image/png' }, body: new Uint8Array(await pngOf(b)) });
      expect(noModel.status).toBe(404);
    } finally {
      await app.close();
    }
  });

  it('resumes an interrupted training job from its checkpoint after a restart', async () => {
    const blobs = [1, 2, 3].map((seed) => blobImage({ seed }));
    const images = await Promise.all(blobs.map(async (b, i) => ({ name: `r${i}.png`, image: (await pngOf(b)).toString('base64'), ratio: b.ratio })));
    let { app, url } = await start(config);
    let id: string;
    try {
      const { dataset } = await (await post(`${url}/weak/datasets`, { images })).json();
      const job = await (await post(`${url}/weak/train`, { dataset, config: { ...TINY_CONFIG, gcn: { epochs: 40 } } })).json();
      id = job.id;
      // Stop the server once a few GCN epochs (each checkpointed) are done.
      for (let i = 0; i < 400; i++) {
        const rec = await (await fetch(`${url}/jobs/${id}`)).json();
        if (rec.progress && rec.progress.step >= 3 + 4) break;
        await new Promise((r) => setTimeout(r, 25));
      }
    } finally {
      await app.close();
    }
    ({ app, url } = await start(config));
    try {
      const { last } = await follow(url, id!);
      expect(last.error).toBeNull();
      expect(last.status).toBe('succeeded');
      expect(last.result).toMatchObject({ resumed: true, train: 3 });
    } finally {
      await app.close();
    }
  });

  it('cancels a running training job', async () => {
    const { app, url } = await start(config);
    try {
      const blobs = [1, 2].map((seed) => blobImage({ seed }));
      const images = await Promise.all(blobs.map(async (b, i) => ({ name: `t${i}.png`, image: (await pngOf(b)).toString('base64'), ratio: b.ratio })));
      const { dataset } = await (await post(`${url}/weak/datasets`, { images })).json();
      const job = await (await post(`${url}/weak/train`, { dataset, config: { ...TINY_CONFIG, gcn: { epochs: 500 } } })).json();
      // Wait for the first progress event, then cancel.
      for (let i = 0; i < 200; i++) {
        const rec = await (await fetch(`${url}/jobs/${job.id}`)).json();
        if (rec.progress) break;
        await new Promise((r) => setTimeout(r, 25));
      }
      await fetch(`${url}/jobs/${job.id}/cancel`, { method: 'POST' });
      const { last } = await follow(url, job.id);
      expect(last.status).toBe('cancelled');
    } finally {
      await app.close();
    }
  });
});
