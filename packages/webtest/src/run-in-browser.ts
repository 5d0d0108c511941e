import { existsSync, mkdtempSync, promises as fs, rmSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { bundleEntry, ORT_WASM_FILES } from './bundle';
import { chromiumPath, CHROMIUM_ARGS } from './chromium';
import type { PageInfo, PageResult } from './page';
import { pageHtml } from './shell';
import { startServer, type LoopbackServer, type Served } from './server';

export interface RunInBrowserOptions {
  /** Absolute path of the TypeScript (or JS) entry; it must call report() from '@seg/webtest/page'. */
  entry: string;
  /** Extra files served at files/<name> (fetchFile(name) in the page): bytes, or a path on disk. */
  files?: Record<string, Uint8Array | { path: string }>;
  /** JSON handed to the page (input() in the page). */
  input?: unknown;
  /** How long the page may take to load and report, in ms (from navigation on). Default 60 000 (CI runs many suites at once on 2 cores). */
  timeoutMs?: number;
  /** How long launching chromium may take, in ms. Default 30 000 (it takes 1-5 s on a busy 2-core machine). */
  launchTimeoutMs?: number;
  /** Write a PNG screenshot of the page here once it reported (or failed). */
  saveScreenshot?: string;
  /** Serve with COOP/COEP so the page is cross-origin isolated (wasm threads). Default true. */
  crossOriginIsolated?: boolean;
  /** Chromium executable; default $CHROMIUM_PATH or /usr/bin/chromium. */
  chromiumPath?: string;
  /** Directory in which the per-run browser profile is created (and removed); default the OS temp dir. */
  profileParent?: string;
}

export interface BrowserRun<T> {
  /** What the entry's report() callback returned. */
  value: T;
  info: PageInfo;
  /** Bytes the page sent with upload(name, bytes). */
  uploads: Record<string, Uint8Array>;
  /** Console lines of the page, as "type: text" (capped at 200). */
  console: string[];
  timings: { bundleMs: number; launchMs: number; pageMs: number; totalMs: number };
}

const MAX_CONSOLE = 200;

/**
 * Bundles `entry` with esbuild, serves it (plus onnxruntime-web's threaded wasm runtime and `files`)
 * from a cross-origin-isolated loopback server, opens it in headless Chromium and returns the JSON
 * the page reports. The browser, its profile directory and the server are always cleaned up; the
 * launch and the page (load + result) have their own time limits, and errors carry the page's
 * console errors and any 404s.
 */
export async function runInBrowser<T = unknown>(options: RunInBrowserOptions): Promise<BrowserRun<T>> {
  const start = Date.now();
  const pageBudget = options.timeoutMs ?? 60_000;
  let pageStart = 0;
  const left = (step: string): number => {
    const ms = pageBudget - (Date.now() - pageStart);
    if (ms <= 0) throw new Error(`the page's time budget of ${pageBudget} ms was spent before ${step}`);
    return ms;
  };
  const exe = chromiumPath(options.chromiumPath);
  if (!path.isAbsolute(options.entry) || !existsSync(options.entry)) {
    throw new Error(`runInBrowser: entry must be an existing absolute path, got '${options.entry}'`);
  }

  // 1. bundle the entry and lay out the routes
  const bundle = await bundleEntry(options.entry);
  const bundleMs = Date.now() - start;
  const routes = new Map<string, Served>();
  routes.set('/', { body: pageHtml(options.input) });
  routes.set('/bundle.js', { body: bundle.code });
  if (bundle.ortDist) for (const f of ORT_WASM_FILES) routes.set(`/ort/${f}`, { file: path.join(bundle.ortDist, f) });
  for (const [name, content] of Object.entries(options.files ?? {})) {
    if (!(content instanceof Uint8Array) && !existsSync(content.path)) throw new Error(`runInBrowser: file '${name}' points to missing ${content.path}`);
    routes.set(`/files/${name}`, content instanceof Uint8Array ? { body: content } : { file: content.path });
  }

  let server: LoopbackServer | null = null;
  let context: BrowserContext | null = null;
  const profile = mkdtempSync(path.join(options.profileParent ?? os.tmpdir(), 'seg-webtest-'));
  const consoleLines: string[] = [];
  const errors: string[] = [];
  let launchMs = 0;
  let page: Page | null = null;
  try {
    server = await startServer(routes, { isolate: options.crossOriginIsolated ?? true });

    // 2. a fresh profile per run, so no state leaks between tests
    const t0 = Date.now();
    context = await chromium.launchPersistentContext(profile, {
      executablePath: exe,
      headless: true,
      args: [...CHROMIUM_ARGS],
      timeout: options.launchTimeoutMs ?? 30_000,
    });
    launchMs = Date.now() - t0;
    page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (m) => {
      const line = `${m.type()}: ${m.text()}`;
      if (consoleLines.length < MAX_CONSOLE) consoleLines.push(line);
      if (m.type() === 'error') errors.push(line);
    });

    // 3. load the page; fail fast on an uncaught error or a crash instead of waiting for the timeout
    const failed = new Promise<never>((_, reject) => {
      page!.on('pageerror', (e) => reject(new Error(`uncaught error in the page: ${e.message}`)));
      page!.on('crash', () => reject(new Error('the page crashed')));
    });
    failed.catch(() => undefined);
    pageStart = Date.now();
    await Promise.race([
      page.goto(server.url, { timeout: left('loading the page'), waitUntil: 'load' }).catch(timeoutAs(`the page did not load within ${pageBudget} ms`)),
      failed,
    ]);
    const wait = left('waiting for the result');
    await Promise.race([
      page.waitForFunction(() => (globalThis as { __result?: unknown }).__result !== undefined, undefined, { timeout: wait, polling: 50 })
        .catch(timeoutAs(`the page did not report a result within ${pageBudget} ms (does the entry call report() from '@seg/webtest/page'?)`)),
      failed,
    ]);
    const result = (await page.evaluate(() => (globalThis as { __result?: unknown }).__result)) as PageResult;
    const pageMs = Date.now() - pageStart;
    if (options.saveScreenshot) await screenshot(page, options.saveScreenshot);
    if (!result.ok) throw new Error(`the page reported an error: ${result.error}`);
    return { value: result.value as T, info: result.info, uploads: Object.fromEntries(server.uploads), console: consoleLines, timings: { bundleMs, launchMs, pageMs, totalMs: Date.now() - start } };
  } catch (e) {
    if (page && options.saveScreenshot) await screenshot(page, options.saveScreenshot).catch(() => undefined);
    // Playwright appends a long "Call log"; its first lines say what went wrong.
    const message = (e as Error).message.split('\nCall log:')[0];
    const parts = [`runInBrowser(${path.basename(options.entry)}) failed after ${Date.now() - start} ms: ${message}`];
    if (errors.length) parts.push(`page console errors:\n  ${errors.slice(-20).join('\n  ')}`);
    if (server?.missing.length) parts.push(`requests for unknown paths: ${server.missing.join(', ')}`);
    throw new Error(parts.join('\n'));
  } finally {
    await context?.close().catch(() => undefined);
    await server?.close();
    await removeProfile(profile);
  }
}

/** A browser killed during launch can still write to its profile for a moment: remove it until it stays gone. */
async function removeProfile(dir: string): Promise<void> {
  for (let i = 0; i < 5; i++) {
    rmSync(dir, { recursive: true, force: true });
    await new Promise((r) => setTimeout(r, 100));
    if (!existsSync(dir)) return;
  }
}

function timeoutAs(message: string): (e: Error) => never {
  return (e: Error) => {
    throw e.name === 'TimeoutError' ? new Error(message) : e;
  };
}

async function screenshot(page: Page, file: string): Promise<void> {
  const png = await page.screenshot({ type: 'png', timeout: 5000 });
  await fs.mkdir(path.dirname(path.resolve(file)), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  await fs.writeFile(tmp, png);
  await fs.rename(tmp, file);
}
