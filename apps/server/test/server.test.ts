import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import sharp from 'sharp';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app';
import { configFromEnv, ServerConfig } from '../src/core/config';
import { decodeUpload } from '../src/core/image-body';
import type { MethodPlugin } from '../src/core/method-plugin';
import type { JobKind } from '../src/jobs/types';

/** A job that counts to `steps`, checkpointing its counter, so resume can be observed. */
const counter: JobKind<{ steps: number; delayMs: number }> = {
  name: 'test.count',
  parse(p) {
    const { steps, delayMs } = (p ?? {}) as { steps?: unknown; delayMs?: unknown };
    if (typeof steps !== 'number' || steps < 1) throw new Error('params.steps must be a positive number');
    return { steps, delayMs: typeof delayMs === 'number' ? delayMs : 5 };
  },
  async run(ctx, { steps, delayMs }) {
    const ckpt = path.join(ctx.dir, 'ckpt.json');
    let start = 0;
    try { start = JSON.parse(await fs.readFile(ckpt, 'utf8')).step; } catch { /* fresh start */ }
    for (let s = start; s < steps; s++) {
      if (ctx.signal.aborted) throw ctx.signal.reason;
      await new Promise((r) => setTimeout(r, delayMs));
      await fs.writeFile(ckpt, JSON.stringify({ step: s + 1 }));
      ctx.progress({ step: s + 1, total: steps, metrics: { loss: 1 / (s + 1) } });
    }
    return { startedAt: start, resumed: ctx.resumed };
  },
};

const echoImage: MethodPlugin = {
  name: 'test-image', prefix: '/test',
  register(app, core) {
    core.jobs.register(counter);
    app.post('/image', async (req) => {
      const img = await decodeUpload(req.body, req.headers['content-type'], core.config.maxPixels);
      return { width: img.width, height: img.height };
    });
  },
};

async function start(config: ServerConfig): Promise<{ app: FastifyInstance; url: string }> {
  const { app } = await buildApp(config, [echoImage]);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const addr = app.server.address() as { port: number };
  return { app, url: `http://127.0.0.1:${addr.port}` };
}

async function waitFor<T>(fn: () => Promise<T | undefined>, what: string, ms = 10000): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('server core (real listening server)', () => {
  let dir: string;
  let config: ServerConfig;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'seg-server-'));
    config = configFromEnv({}, { dataDir: dir, maxPixels: 100 * 100, maxUploadBytes: 200_000 });
  });
  afterEach(async () => { await fs.rm(dir, { recursive: true, force: true }); });

  it('answers /health, /info, /docs and JSON 404s', async () => {
    const { app, url } = await start(config);
    try {
      expect(await (await fetch(`${url}/health`)).json()).toEqual({ status: 'ok' });
      const info = await (await fetch(`${url}/info`)).json();
      expect(info).toMatchObject({ version: '0.1.0', executionProvider: 'cpu', jobKinds: ['test.count'] });
      const docs = await (await fetch(`${url}/docs/json`)).json();
      expect(Object.keys(docs.paths)).toEqual(expect.arrayContaining(['/health', '/info', '/jobs', '/jobs/{id}/events']));
      const missing = await fetch(`${url}/nope`);
      expect(missing.status).toBe(404);
      expect((await missing.json()).message).toMatch(/no route GET \/nope/);
    } finally { await app.close(); }
  });

  it('rejects bad uploads with 4xx JSON errors and accepts a good one', async () => {
    const { app, url } = await start(config);
    try {
      const png = await sharp({ create: { width: 20, height: 10, channels: 3, background: '#808080' } }).png().toBuffer();
      const ok = await fetch(`${url}/test/image`, { method: 'POST', headers: { 'content-type': 'image/png' }, body: new Uint8Array(png) });
      expect(await ok.json()).toEqual({ width: 20, height: 10 });
      const post = (body: Buffer | string, type: string) => fetch(`${url}/test/image`, { method: 'POST', headers: { 'content-type': type }, body: typeof body === 'string' ? body : new Uint8Array(body) });
      const wrongType = await post('hello', 'text/plain');
      expect(wrongType.status).toBe(415);
      const corrupt = await post(Buffer.from('not really a png'), 'image/png');
      expect(corrupt.status).toBe(400);
      expect((await corrupt.json()).message).toMatch(/not a readable PNG or JPEG/);
      const bomb = await sharp({ create: { width: 1000, height: 1000, channels: 3, background: '#000' } }).png().toBuffer();
      const tooMany = await post(bomb, 'image/png');
      expect(tooMany.status).toBe(413);
      expect((await tooMany.json()).message).toMatch(/1000x1000 = 1000000 pixels; the limit is 10000/);
      const huge = await post(Buffer.alloc(300_000, 1), 'image/png');
      expect(huge.status).toBe(413);
    } finally { await app.close(); }
  });

  it('runs a job, streams progress as Server-Sent Events, and cancels', async () => {
    const { app, url } = await start(config);
    try {
      const bad = await fetch(`${url}/jobs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'test.count', params: { steps: 0 } }) });
      expect(bad.status).toBe(400);
      expect((await bad.json()).message).toMatch(/params.steps must be a positive number/);
      const unknown = await fetch(`${url}/jobs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'nope' }) });
      expect((await unknown.json()).message).toMatch(/unknown job kind 'nope'; known kinds: test.count/);

      const job = await (await fetch(`${url}/jobs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'test.count', params: { steps: 5 } }) })).json();
      const text = await (await fetch(`${url}/jobs/${job.id}/events`)).text();
      const events = text.trim().split('\n\n').map((e) => e.split('\n')[0].replace('event: ', ''));
      expect(events[events.length - 1]).toBe('succeeded');
      expect(events.filter((e) => e === 'progress').length).toBeGreaterThanOrEqual(1);
      expect((await (await fetch(`${url}/jobs/${job.id}`)).json()).result).toEqual({ startedAt: 0, resumed: false });

      const slow = await (await fetch(`${url}/jobs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'test.count', params: { steps: 1000, delayMs: 20 } }) })).json();
      await waitFor(async () => ((await (await fetch(`${url}/jobs/${slow.id}`)).json()).progress?.step >= 2 ? true : undefined), 'job to run');
      await fetch(`${url}/jobs/${slow.id}/cancel`, { method: 'POST' });
      const final = await waitFor(async () => { const r = await (await fetch(`${url}/jobs/${slow.id}`)).json(); return r.status === 'cancelled' ? r : undefined; }, 'cancellation');
      expect(final.progress.step).toBeGreaterThanOrEqual(2);
      expect(final.progress.step).toBeLessThan(1000);
      expect((await fetch(`${url}/jobs/not-a-uuid`)).status).toBe(400);
    } finally { await app.close(); }
  });

  it('resumes an unfinished job from its checkpoint after a restart', async () => {
    const first = await start(config);
    const job = await (await fetch(`${first.url}/jobs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'test.count', params: { steps: 60, delayMs: 10 } }) })).json();
    await waitFor(async () => { const r = await (await fetch(`${first.url}/jobs/${job.id}`)).json(); return r.progress?.step >= 5 ? true : undefined; }, 'progress');
    await first.app.close(); // the job stays 'running' on disk, as after a kill
    const onDisk = JSON.parse(await fs.readFile(path.join(dir, 'jobs', job.id, 'job.json'), 'utf8'));
    expect(onDisk.status).toBe('running');

    const second = await start(config);
    try {
      const done = await waitFor(async () => { const r = await (await fetch(`${second.url}/jobs/${job.id}`)).json(); return r.status === 'succeeded' ? r : undefined; }, 'resumed job');
      expect(done.resumes).toBe(1);
      expect(done.result.resumed).toBe(true);
      expect(done.result.startedAt).toBeGreaterThanOrEqual(5);
    } finally { await second.app.close(); }
  });
});
