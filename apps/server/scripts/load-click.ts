/**
 * Bounded load test of the click route on loopback: starts the server in-process on 127.0.0.1
 * (filter bank backbone: no weights needed), opens one session on a synthetic image, then replaces
 * its click list (PUT /interactive/sessions/:id/clicks, two clicks: retrain + predict + outline +
 * PNG) from `connections` connections for `duration` seconds with autocannon. Prints one JSON line.
 *
 *   npx tsx scripts/load-click.ts [--duration 10] [--connections 4] [--size 320x240] [--no-png]
 */
import autocannon from 'autocannon';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createImage } from '@seg/tensor';
import { encodeImage } from '@seg/tensor/node';
import { buildApp } from '../src/app';
import { configFromEnv } from '../src/core/config';
import { interactivePlugin } from '../src/methods/interactive';

const HOST = '127.0.0.1'; // never anything else: this script only ever loads its own in-process server

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

function positive(name: string, v: string, max: number): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new Error(`--${name} must be an integer in 1..${max}, got '${v}'`);
  return n;
}

/** A warm ellipse on a cool gradient background: something to segment. */
function syntheticImage(width: number, height: number) {
  const img = createImage(width, height, 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const inside = ((x - width / 2) / (width / 4)) ** 2 + ((y - height / 2) / (height / 3)) ** 2 <= 1;
      const o = (y * width + x) * 3;
      img.data[o] = inside ? 210 : 40 + (x % 17);
      img.data[o + 1] = inside ? 90 : 100 + (y % 13);
      img.data[o + 2] = inside ? 60 : 180;
    }
  }
  return img;
}

const median = (v: number[]): number => { const s = [...v].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

async function main(): Promise<void> {
  const duration = positive('duration', arg('duration', '10'), 120);
  const connections = positive('connections', arg('connections', '4'), 64);
  const [w, h] = arg('size', '320x240').split('x').map((s, i) => positive(i ? 'size height' : 'size width', s, 2048));
  const withPng = !process.argv.includes('--no-png');

  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'seg-load-'));
  const config = configFromEnv({}, { host: HOST, port: 0, dataDir });
  const { app } = await buildApp(config, [interactivePlugin({ backbone: 'filterbank' })]);
  try {
    await app.listen({ host: HOST, port: 0 });
    const base = `http://${HOST}:${(app.server.address() as { port: number }).port}`;
    const png = await encodeImage(syntheticImage(w, h), 'png');
    const created = await fetch(`${base}/interactive/sessions`, { method: 'POST', headers: { 'content-type': 'image/png' }, body: new Uint8Array(png) });
    if (created.status !== 201) throw new Error(`creating the session failed: ${created.status} ${await created.text()}`);
    const session = await created.json() as { sessionId: string; featureMs: number };
    const url = `${base}/interactive/sessions/${session.sessionId}/clicks${withPng ? '' : '?maskPng=false'}`;
    const body = JSON.stringify({ clicks: [{ x: Math.round(w / 2), y: Math.round(h / 2), label: 1 }, { x: 5, y: 5, label: 0 }] });
    const headers = { 'content-type': 'application/json' };

    // warm-up: compiles the classifier's sessions, then the server-side timing of single requests
    const single: { trainMs: number; predictMs: number; outlineMs: number; encodeMs: number; totalMs: number }[] = [];
    for (let i = 0; i < 10; i++) {
      const r = await fetch(url, { method: 'PUT', headers, body });
      if (r.status !== 200) throw new Error(`click route answered ${r.status}: ${await r.text()}`);
      single.push((await r.json()).timing);
    }

    const result = await autocannon({ url, method: 'PUT', headers, body, duration, connections, timeout: 30 });
    const serverMs = Object.fromEntries((['trainMs', 'predictMs', 'outlineMs', 'encodeMs', 'totalMs'] as const).map((k) => [k, Math.round(median(single.map((t) => t[k])) * 100) / 100]));
    process.stdout.write(`${JSON.stringify({
      name: 'interactive.click.put',
      target: HOST,
      backbone: 'filterbank',
      image: `${w}x${h}`,
      mask_png: withPng,
      duration_s: duration,
      connections,
      threads: config.threads,
      feature_ms: session.featureMs,
      requests_total: result.requests.total,
      requests_per_sec: result.requests.average,
      latency_p50_ms: result.latency.p50,
      latency_p90_ms: result.latency.p90,
      latency_p99_ms: result.latency.p99,
      latency_max_ms: result.latency.max,
      errors: result.errors,
      timeouts: result.timeouts,
      non_2xx: result.non2xx,
      single_request_server_ms_median: serverMs,
    })}\n`);
  } finally {
    await app.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((e: Error) => {
  process.stderr.write(`load-click: ${e.message}\n`);
  process.exit(1);
});
