import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { bundleEntry } from './bundle';
import { runInBrowser } from './run-in-browser';

const page = (name: string): string => path.join(__dirname, 'test-pages', `${name}.page.ts`);

describe('runInBrowser', () => {
  let tmp: string;
  beforeAll(() => { tmp = mkdtempSync(path.join(os.tmpdir(), 'webtest-test-')); });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  // Each test gets its own profile parent: other suites launch browsers at the same time in the OS temp dir.
  const profileParent = (name: string): string => mkdtempSync(path.join(tmp, `${name}-`));

  it('returns what the page reports, with its input, served files, uploads and console, from an isolated page', async () => {
    const parent = profileParent('echo');
    const shot = path.join(tmp, 'shots', 'echo.png');
    const input = { n: 3, text: 'a </script> tag' };
    const run = await runInBrowser<{ input: unknown; bytes: number[]; sab: string }>({
      entry: page('echo'),
      input,
      files: { 'data.bin': new Uint8Array([1, 2, 250]) },
      saveScreenshot: shot,
      profileParent: parent,
    });
    expect(run.value).toEqual({ input, bytes: [1, 2, 250], sab: 'function' });
    expect(Array.from(run.uploads.echo)).toEqual([250, 2, 1]);
    expect(run.info.crossOriginIsolated).toBe(true);
    expect(run.console).toContain('log: echo page ran');
    expect(run.console.filter((l) => l.startsWith('error'))).toEqual([]);
    expect([...readFileSync(shot).subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(readdirSync(parent)).toEqual([]); // the temporary profile is gone
  });

  it("throws the page's error together with its console errors", async () => {
    await expect(runInBrowser({ entry: page('throws') })).rejects.toThrow(
      /the page reported an error: deliberate failure in the page[\s\S]*page console errors:\s+error: something went wrong before the throw/,
    );
  });

  it('stops at the time budget when the page never reports, and cleans up', async () => {
    const parent = profileParent('silent');
    // On a loaded machine the budget may run out while the page is still loading: both stop in time.
    await expect(runInBrowser({ entry: page('silent'), timeoutMs: 4000, profileParent: parent })).rejects.toThrow(/silent\.page\.ts\) failed after \d+ ms: the page did not (report a result|load) within 4000 ms/);
    expect(readdirSync(parent)).toEqual([]);
  });

  it('tells how to install chromium when it is missing', async () => {
    await expect(runInBrowser({ entry: page('echo'), chromiumPath: '/nonexistent/chromium' })).rejects.toThrow(
      /chromium not found at \/nonexistent\/chromium.*apt-get install -y chromium/,
    );
  });

  it('refuses to bundle node built-ins for the browser, naming the file', async () => {
    await expect(bundleEntry(page('uses-fs'))).rejects.toThrow(/could not bundle .*uses-fs\.page\.ts[\s\S]*Could not resolve "fs"/);
  });

  it('bundles onnxruntime-web/wasm with extern wasm, and serves its runtime files', async () => {
    const b = await bundleEntry(path.join(__dirname, 'pages', 'run-model.page.ts'));
    expect(b.ortDist).not.toBeNull();
    expect(b.inputs.some((f) => f.endsWith('onnxruntime-web/dist/ort.wasm.min.mjs'))).toBe(true);
    expect(b.inputs.some((f) => f.endsWith('runtime/src/web.ts'))).toBe(true);
    for (const f of ['ort-wasm-simd-threaded.mjs', 'ort-wasm-simd-threaded.wasm']) expect(existsSync(path.join(b.ortDist!, f))).toBe(true);
    expect(b.code.length).toBeLessThan(2_000_000); // the 14 MB wasm binary is not inlined
  });
});
