import { execFileSync } from 'child_process';
import { mkdtempSync, promises as fs, rmSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { buildApp, configFromEnv, type ServerConfig } from '@seg/server';
import { CHROMIUM_ARGS, chromiumPath } from '@seg/webtest';

export const demoRoot = path.join(__dirname, '..');
/** Screenshots, downloads and the test builds go here. */
export const testOutput = path.join(demoRoot, 'test-output');
const bin = (name: string): string => path.join(demoRoot, 'node_modules', '.bin', name);

type Plugins = Parameters<typeof buildApp>[1];

export interface DemoHarnessOptions {
  /** Names the build folder (test-output/<name>) and the temporary folders. */
  name: string;
  plugins: Plugins;
  /** Extra server settings (threads, ...). */
  server?: Partial<ServerConfig>;
  viewport: { width: number; height: number };
  acceptDownloads?: boolean;
}

/** A built demo served by apps/server and a fresh headless Chromium page, as a person would use them. */
export interface DemoHarness {
  url: string;
  page: Page;
  context: BrowserContext;
  /** Page errors and console errors seen so far. */
  pageErrors: string[];
  /** Logs how long the test has run when it reaches a step (CI logs show where the time goes). */
  phase(what: string): void;
  close(): Promise<void>;
}

/**
 * Builds the app exactly as `pnpm build` does (public files, then vite) into a folder of its own,
 * serves it with the real server (production path, COOP/COEP) and the given method plugins, and
 * opens a page in Debian's Chromium with a throw-away profile.
 */
export async function startDemo(o: DemoHarnessOptions): Promise<DemoHarness> {
  const t0 = Date.now();
  const phase = (what: string): void => { process.stderr.write(`${o.name}: ${what} at ${((Date.now() - t0) / 1000).toFixed(1)} s\n`); };
  await fs.mkdir(testOutput, { recursive: true });
  // 1. build
  const dist = path.join(testOutput, o.name);
  execFileSync(bin('tsx'), ['scripts/prepare-public.ts'], { cwd: demoRoot, stdio: 'pipe' });
  execFileSync(bin('vite'), ['build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'warn'], { cwd: demoRoot, stdio: 'pipe' });
  phase('built');
  // 2. serve
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `seg-${o.name}-data-`));
  const { app } = await buildApp(configFromEnv({}, { host: '127.0.0.1', port: 0, dataDir, demoDir: dist, ...o.server }), o.plugins);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}/`;
  // 3. browse
  const profile = mkdtempSync(path.join(os.tmpdir(), `seg-${o.name}-chromium-`));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(), headless: true, args: [...CHROMIUM_ARGS], viewport: o.viewport, acceptDownloads: o.acceptDownloads ?? false,
  });
  const page = context.pages()[0] ?? await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') pageErrors.push(m.text()); });
  phase('server and chromium started');
  return {
    url, page, context, pageErrors, phase,
    async close() {
      await context.close();
      await app.close();
      for (const d of [profile, dataDir]) rmSync(d, { recursive: true, force: true });
    },
  };
}
