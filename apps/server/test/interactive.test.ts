import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import sharp from 'sharp';
import type { FastifyInstance } from 'fastify';
import { createNodeSession } from '@seg/runtime/node';
import { Tensor } from '@seg/tensor';
import { buildApp } from '../src/app';
import { configFromEnv, ServerConfig } from '../src/core/config';
import { interactivePlugin } from '../src/methods/interactive';

const W = 128, H = 96;
// an off-centre, wide ellipse: a transposed or flipped mask would not match it
const CX = 70, CY = 45, RX = 34, RY = 22;
const inDisc = (x: number, y: number): boolean => ((x - CX) / RX) ** 2 + ((y - CY) / RY) ** 2 <= 1;
/** An object click and two background clicks. */
const CLICKS = [{ x: CX, y: CY, label: 1 }, { x: 6, y: 88, label: 0 }, { x: 120, y: 8, label: 0 }];

/** A warm ellipse on a cool, slightly noisy background (deterministic), and its true mask. */
function syntheticImage(): { rgb: Uint8Array; truth: Uint8Array } {
  const rgb = new Uint8Array(W * H * 3);
  const truth = new Uint8Array(W * H);
  let seed = 7;
  const noise = (): number => { seed = (seed * 1103515245 + 12345) >>> 0; return ((seed >>> 16) % 21) - 10; };
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const i = y * W + x;
      const fg = inDisc(x, y);
      truth[i] = fg ? 1 : 0;
      rgb[i * 3] = (fg ? 210 : 50) + noise();
      rgb[i * 3 + 1] = (fg ? 80 : 100 + x / 2) + noise();
      rgb[i * 3 + 2] = (fg ? 60 : 190) + noise();
    }
  }
  return { rgb, truth };
}

const iou = (a: Uint8Array, b: Uint8Array): number => {
  let inter = 0, union = 0;
  for (let i = 0; i < a.length; i++) { if (a[i] && b[i]) inter++; if (a[i] || b[i]) union++; }
  return union ? inter / union : 1;
};

/** Shoelace area of x,y interleaved points. */
const polygonArea = (p: number[]): number => {
  let s = 0;
  for (let i = 0; i < p.length; i += 2) { const j = (i + 2) % p.length; s += p[i] * p[j + 1] - p[j] * p[i + 1]; }
  return Math.abs(s) / 2;
};

async function decodeMask(png: Uint8Array): Promise<Uint8Array> {
  const meta = await sharp(png).metadata();
  expect([meta.width, meta.height, meta.channels]).toEqual([W, H, 1]);
  const { data } = await sharp(png).extractChannel(0).raw().toBuffer({ resolveWithObject: true });
  return Uint8Array.from(data, (v) => (v > 127 ? 1 : 0));
}

describe('interactive routes (real listening server, filter bank backbone)', () => {
  let dir: string;
  let png: Uint8Array<ArrayBuffer>;
  let truth: Uint8Array;

  beforeAll(async () => {
    const img = syntheticImage();
    truth = img.truth;
    png = new Uint8Array(await sharp(img.rgb, { raw: { width: W, height: H, channels: 3 } }).png().toBuffer());
  });
  beforeEach(async () => { dir = await fs.mkdtemp(path.join(os.tmpdir(), 'seg-interactive-')); });
  afterEach(async () => { await fs.rm(dir, { recursive: true, force: true }); });

  async function start(overrides: Partial<ServerConfig> = {}): Promise<{ app: FastifyInstance; url: string }> {
    const config = configFromEnv({}, { dataDir: dir, maxPixels: 200 * 200, maxUploadBytes: 500_000, threads: 1, ...overrides });
    const { app } = await buildApp(config, [interactivePlugin({ backbone: 'filterbank' })]);
    await app.listen({ host: '127.0.0.1', port: 0 });
    return { app, url: `http://127.0.0.1:${(app.server.address() as { port: number }).port}` };
  }

  const json = (method: string, body?: unknown): RequestInit => ({ method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const open = async (url: string) => {
    const r = await fetch(`${url}/interactive/sessions`, { method: 'POST', headers: { 'content-type': 'image/png' }, body: png });
    expect(r.status).toBe(201);
    return r.json();
  };

  it('opens a session, segments after clicks, serves the mask PNG and outline, removes and clears clicks', async () => {
    const { app, url } = await start();
    try {
      const info = await (await fetch(`${url}/info`)).json();
      expect(info.loadedModels).toContain('interactive/filterbank');
      const session = await open(url);
      expect(session).toMatchObject({ width: W, height: H, backbone: 'filterbank', clicks: [] });
      expect(session.backboneSource).toMatch(/filter bank/);
      expect(session.featureMs).toBeGreaterThan(0);
      const id: string = session.sessionId;

      // 1. a foreground click at the ellipse's centre, then background clicks (one by name, two in a list)
      const first = await (await fetch(`${url}/interactive/sessions/${id}/clicks`, json('POST', { x: CX, y: CY, label: 1 }))).json();
      expect(first.clicks).toEqual([CLICKS[0]]);
      expect(first.maskArea).toBeGreaterThan(0);
      const named = await (await fetch(`${url}/interactive/sessions/${id}/clicks`, json('POST', { ...CLICKS[1], label: 'background' }))).json();
      expect(named.clicks).toEqual(CLICKS.slice(0, 2));
      const second = await (await fetch(`${url}/interactive/sessions/${id}/clicks`, json('POST', { clicks: [CLICKS[2]] }))).json();
      expect(second.clicks).toEqual(CLICKS);
      for (const k of ['queueMs', 'trainMs', 'predictMs', 'outlineMs', 'encodeMs', 'totalMs']) expect(typeof second.timing[k]).toBe('number');
      expect(second.timing.trainMs).toBeGreaterThan(0);

      // 2. the mask matches the ellipse, in the JSON's PNG and from the GET route alike
      const fromJson = await decodeMask(Buffer.from(second.maskPng, 'base64'));
      expect(iou(fromJson, truth)).toBeGreaterThan(0.75);
      const maskRes = await fetch(`${url}/interactive/sessions/${id}/mask.png`);
      expect(maskRes.headers.get('content-type')).toBe('image/png');
      const fromGet = await decodeMask(new Uint8Array(await maskRes.arrayBuffer()));
      expect(fromGet).toEqual(fromJson);
      expect(second.maskArea).toBe(fromJson.reduce((a, v) => a + v, 0));

      // 3. the largest polygon traces the object: its area is its pixels' up to the half-pixel border, centred on the ellipse
      expect(second.polygons.length).toBeGreaterThanOrEqual(1);
      const outline = second.polygons[0];
      expect(outline.pixels).toBeGreaterThan(0.9 * second.maskArea);
      const n = outline.points.length / 2;
      expect(Math.abs(polygonArea(outline.points) - outline.pixels)).toBeLessThan(n + 2 * Math.PI * Math.max(RX, RY));
      let mx = 0, my = 0;
      for (let i = 0; i < outline.points.length; i += 2) {
        const [x, y] = [outline.points[i], outline.points[i + 1]];
        expect(x >= 0 && x < W && y >= 0 && y < H).toBe(true);
        mx += x / n; my += y / n;
      }
      expect(Math.hypot(mx - CX, my - CY)).toBeLessThan(8);

      // 4. replacing the click list (here with the same clicks) keeps the segmentation
      const replaced = await (await fetch(`${url}/interactive/sessions/${id}/clicks?maskPng=false`, json('PUT', { clicks: second.clicks }))).json();
      expect(replaced.maskPng).toBeUndefined();
      expect(replaced.clicks).toEqual(second.clicks);
      expect(iou(await decodeMask(new Uint8Array(await (await fetch(`${url}/interactive/sessions/${id}/mask.png`)).arrayBuffer())), truth)).toBeGreaterThan(0.85);

      // 5. undo the last click, then clear
      const undone = await (await fetch(`${url}/interactive/sessions/${id}/clicks/last`, json('DELETE'))).json();
      expect(undone.clicks).toEqual(CLICKS.slice(0, 2));
      expect(undone.maskArea).toBeGreaterThan(0);
      const second0 = await (await fetch(`${url}/interactive/sessions/${id}/clicks/1`, json('DELETE'))).json();
      expect(second0.clicks).toEqual([CLICKS[0]]);
      const removed = await (await fetch(`${url}/interactive/sessions/${id}/clicks/0`, json('DELETE'))).json();
      expect(removed).toMatchObject({ clicks: [], maskArea: 0, polygons: [] });
      const state = await (await fetch(`${url}/interactive/sessions/${id}`)).json();
      expect(state.clicks).toEqual([]);
      const cleared = await (await fetch(`${url}/interactive/sessions/${id}/clicks`, json('DELETE'))).json();
      expect(cleared.maskArea).toBe(0);
      expect((await fetch(`${url}/interactive/sessions/${id}`, { method: 'DELETE' })).status).toBe(204);
      expect((await fetch(`${url}/interactive/sessions/${id}`)).status).toBe(404);

      const docs = await (await fetch(`${url}/docs/json`)).json();
      expect(Object.keys(docs.paths)).toEqual(expect.arrayContaining(['/interactive/sessions', '/interactive/sessions/{id}/clicks', '/interactive/sessions/{id}/mask.png', '/interactive/features-model']));
    } finally { await app.close(); }
  });

  it('answers bad input with 4xx JSON messages and keeps serving', async () => {
    const { app, url } = await start();
    try {
      const { sessionId: id } = await open(url);
      const expectError = async (r: Response, status: number, message: RegExp) => {
        expect(r.status).toBe(status);
        expect(r.headers.get('content-type')).toMatch(/application\/json/);
        expect((await r.json()).message).toMatch(message);
      };
      const click = (body: unknown, method = 'POST') => fetch(`${url}/interactive/sessions/${id}/clicks`, json(method, body));
      await expectError(await click({ x: 128, y: 10, label: 1 }), 400, /click 0 at \(128, 10\) is outside the 128x96 image/);
      await expectError(await click({ x: -1, y: 10, label: 1 }), 400, /outside the 128x96 image/);
      await expectError(await click({ clicks: [{ x: 1, y: 1, label: 1 }, { x: 2, y: 2, label: 7 }] }), 400, /click 1 has label 7; expected 1 \(foreground\) or 0 \(background\)/);
      await expectError(await click({ x: 3, y: 3, label: 'maybe' }), 400, /label "maybe"/);
      await expectError(await click({ x: 3, y: 3 }, 'PUT'), 400, /needs 'clicks'/);
      await expectError(await fetch(`${url}/interactive/sessions/${id}/clicks/3`, { method: 'DELETE' }), 400, /no click '3' to remove: the session has 0 clicks/);
      const unknown = '00000000-0000-4000-8000-000000000000';
      await expectError(await fetch(`${url}/interactive/sessions/${unknown}/clicks`, json('POST', { x: 1, y: 1, label: 1 })), 404, /unknown session/);
      await expectError(await fetch(`${url}/interactive/sessions/${unknown}/mask.png`), 404, /unknown session/);
      const upload = (body: Uint8Array<ArrayBuffer> | string, type: string) => fetch(`${url}/interactive/sessions`, { method: 'POST', headers: { 'content-type': type }, body });
      await expectError(await upload(new TextEncoder().encode('not an image at all'), 'image/png'), 400, /not a readable PNG or JPEG/);
      await expectError(await upload('hello', 'text/plain'), 415, /expected an image upload/);
      await expectError(await fetch(`${url}/interactive/features-model?width=8&height=64`), 400, /width must be >= 16/);
      // the session still works after all that
      const ok = await click({ x: CX, y: CY, label: 1 });
      expect(ok.status).toBe(200);
      expect((await ok.json()).maskArea).toBeGreaterThan(0);
      expect(await (await fetch(`${url}/health`)).json()).toEqual({ status: 'ok' });
    } finally { await app.close(); }
  });

  it('keeps every click when clicks are added concurrently', async () => {
    const { app, url } = await start();
    try {
      const { sessionId: id } = await open(url);
      const results = await Promise.all(CLICKS.map((c) => fetch(`${url}/interactive/sessions/${id}/clicks?maskPng=false`, json('POST', c)).then((r) => r.json())));
      // edits apply one at a time in arrival order: the answers hold 1, 2 and 3 clicks
      expect(results.map((r) => r.clicks.length).sort()).toEqual([1, 2, 3]);
      const state = await (await fetch(`${url}/interactive/sessions/${id}`)).json();
      expect(state.clicks).toHaveLength(3);
      expect(new Set(state.clicks.map((c: { x: number }) => c.x))).toEqual(new Set(CLICKS.map((c) => c.x)));
    } finally { await app.close(); }
  });

  it('evicts the least recently used session when the feature cache is full and says it expired', async () => {
    // a session costs its feature grid (cells x channels x 4 bytes), mask and superpixels: size the budget for 1.5 of them
    const probe = await start();
    await open(probe.url);
    const one = (await (await fetch(`${probe.url}/interactive/info`)).json()).cacheBytes;
    await probe.app.close();
    expect(one).toBeGreaterThan(W * H);
    const budget = Math.round(1.5 * one);
    const { app, url } = await start({ featureCacheBytes: budget });
    try {
      const a = await open(url);
      const b = await open(url);
      const r = await fetch(`${url}/interactive/sessions/${a.sessionId}/clicks`, json('POST', { x: 1, y: 1, label: 1 }));
      expect(r.status).toBe(404);
      expect((await r.json()).message).toMatch(new RegExp(`session ${a.sessionId} expired: its features were evicted`));
      expect((await fetch(`${url}/interactive/sessions/${b.sessionId}`)).status).toBe(200);
      const info = await (await fetch(`${url}/interactive/info`)).json();
      expect(info).toMatchObject({ backbone: 'filterbank', sessions: 1, cacheBudgetBytes: budget });
      expect(info.cacheBytes).toBeLessThanOrEqual(budget);
    } finally { await app.close(); }
  });

  it('serves the feature model as ONNX bytes that onnxruntime runs at the requested size', async () => {
    const { app, url } = await start();
    try {
      const r = await fetch(`${url}/interactive/features-model?width=64&height=48`);
      expect(r.status).toBe(200);
      expect(r.headers.get('x-seg-backbone')).toBe('filterbank');
      const bytes = new Uint8Array(await r.arrayBuffer());
      const session = await createNodeSession(bytes);
      try {
        expect(session.inputs[0]).toMatchObject({ name: 'image', dims: [1, 3, 48, 64] });
        const out = await session.run({ image: new Tensor('float32', [1, 3, 48, 64], new Float32Array(3 * 48 * 64).fill(0.5)) });
        expect(out.features.dims[0]).toBe(1);
        expect(out.features.dims.slice(2).every((d) => d > 0)).toBe(true);
      } finally { await session.release(); }
    } finally { await app.close(); }
  });
});
