import { promises as fs } from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';

/** What the server returns for one URL path: bytes in memory or a file on disk. */
export type Served = { body: Uint8Array | string } | { file: string };

export interface LoopbackServer {
  /** Base URL ending in '/', e.g. http://127.0.0.1:40123/ */
  readonly url: string;
  /** Requests the page made for paths the server does not have (reported when a run fails). */
  readonly missing: string[];
  /** Bytes the page POSTed to upload/<name> (binary results too big for JSON). */
  readonly uploads: Map<string, Uint8Array>;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
};

/**
 * Serves fixed routes on 127.0.0.1 with COOP same-origin + COEP require-corp, which make the page
 * cross-origin isolated: SharedArrayBuffer exists and onnxruntime-web can start wasm threads
 * (without isolation it silently drops to one thread).
 */
export async function startServer(routes: ReadonlyMap<string, Served>, options: { isolate?: boolean; maxUploadBytes?: number } = {}): Promise<LoopbackServer> {
  const { isolate = true, maxUploadBytes = 1 << 30 } = options;
  const missing: string[] = [];
  const uploads = new Map<string, Uint8Array>();
  const server = http.createServer((req, res) => {
    const headers: Record<string, string> = isolate
      ? { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp', 'Cross-Origin-Resource-Policy': 'same-origin', 'Cache-Control': 'no-store' }
      : { 'Cache-Control': 'no-store' };
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    if (req.method === 'POST' && pathname.startsWith('/upload/')) {
      receive(req, maxUploadBytes).then(
        (bytes) => { uploads.set(pathname.slice('/upload/'.length), bytes); res.writeHead(204, headers).end(); },
        (e: Error) => { res.writeHead(413, { ...headers, 'Content-Type': 'text/plain' }).end(e.message); },
      );
      return;
    }
    const route = routes.get(pathname);
    if (!route || (req.method !== 'GET' && req.method !== 'HEAD')) {
      if (pathname !== '/favicon.ico') missing.push(pathname);
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain' }).end(`not found: ${pathname}`);
      return;
    }
    headers['Content-Type'] = pathname.endsWith('/') ? TYPES['.html'] : TYPES[path.extname(pathname).toLowerCase()] ?? 'application/octet-stream';
    const send = (body: Uint8Array | string): void => {
      res.writeHead(200, headers).end(req.method === 'HEAD' ? undefined : body);
    };
    if ('body' in route) send(route.body);
    else fs.readFile(route.file).then(send, (e: Error) => {
      res.writeHead(500, { ...headers, 'Content-Type': 'text/plain' }).end(`cannot read ${route.file}: ${e.message}`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    missing,
    uploads,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

function receive(req: http.IncomingMessage, limit: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) { reject(new Error(`upload larger than ${limit} bytes`)); req.destroy(); return; }
      chunks.push(c);
    });
    req.on('end', () => {
      // A fresh, aligned copy: typed-array views over it need an offset that is a multiple of 8.
      const out = new Uint8Array(size);
      let o = 0;
      for (const c of chunks) { out.set(c, o); o += c.length; }
      resolve(out);
    });
    req.on('error', reject);
  });
}
