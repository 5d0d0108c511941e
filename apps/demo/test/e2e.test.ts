import { promises as fs } from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { interactivePlugin } from '@seg/server/src/methods/interactive';
import { decodeImage } from '@seg/tensor/node';
import { makeSample } from '../src/samples/synthetic';
import { DemoHarness, startDemo, testOutput as out } from './demo-harness';

const iou = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  let inter = 0, union = 0;
  for (let i = 0; i < a.length; i++) { if (a[i] && b[i]) inter++; if (a[i] || b[i]) union++; }
  return union ? inter / union : 1;
};

interface DemoSnapshot {
  state: string; engine: string; backbone: string | null; results: number; error: string | null; featureMs: number | null;
  clicks: { x: number; y: number; label: number }[];
  runtime: { threads: number; crossOriginIsolated: boolean } | null;
  mask: number[] | null;
}

/**
 * The demo as a person uses it: built with vite, served by apps/server (production path, COOP/COEP,
 * /interactive routes with the filter bank), driven in headless Chromium by real mouse clicks.
 */
describe('demo app end to end (vite build, served by apps/server, headless Chromium)', () => {
  let demo: DemoHarness;
  let url: string;
  let page: Page;
  let pageErrors: string[];
  let phase: (what: string) => void;

  beforeAll(async () => {
    demo = await startDemo({ name: 'demo-e2e', plugins: [interactivePlugin({ backbone: 'filterbank' })], viewport: { width: 1200, height: 860 }, acceptDownloads: true });
    ({ url, page, pageErrors, phase } = demo);
  }, 120_000);

  afterAll(async () => { await demo?.close(); });

  const snapshot = (): Promise<DemoSnapshot> => page.evaluate(() => {
    const d = (window as unknown as { segDemo: DemoSnapshot & { lastMask: { data: Uint8Array } | null } }).segDemo;
    return { ...d, lastMask: undefined, mask: d.lastMask ? Array.from(d.lastMask.data) : null } as unknown as DemoSnapshot;
  });

  // generous: on an idle 2-core machine the whole test takes ~30 s, on a loaded one several times that
  const waitFor = (fn: string, timeout = 120_000) => page.waitForFunction(fn, undefined, { timeout, polling: 50 });

  /** A real mouse click on the canvas at image pixel (x, y). */
  async function clickImage(x: number, y: number, button: 'left' | 'right', width: number, height: number): Promise<void> {
    const box = (await page.locator('#view').boundingBox())!;
    await page.mouse.click(box.x + ((x + 0.5) / width) * box.width, box.y + ((y + 0.5) / height) * box.height, { button });
  }

  it('segments a bundled sample from two clicks in the browser, then on the server, and downloads the mask', async () => {
    const sample = makeSample('ellipse');
    const { width, height } = sample.image;
    await page.goto(url);
    await waitFor('document.body.dataset.loaded === "true"');
    const start = await snapshot();
    // served by apps/server with COOP/COEP: onnxruntime-web may use threads
    expect(start.runtime?.crossOriginIsolated).toBe(true);

    await page.click('button[data-sample="ellipse"]');
    await waitFor('window.segDemo.state === "ready" && window.segDemo.featureMs !== null');
    phase('features computed');
    const ready = await snapshot();
    expect(ready).toMatchObject({ engine: 'browser:filterbank', backbone: 'filterbank', error: null });

    // object click, then a background click (right button)
    await clickImage(sample.hint.object[0], sample.hint.object[1], 'left', width, height);
    await waitFor('window.segDemo.results >= 1 && window.segDemo.state === "ready"');
    await clickImage(sample.hint.background[0], sample.hint.background[1], 'right', width, height);
    await waitFor('window.segDemo.lastMask && window.segDemo.lastMask.clicks === 2 && window.segDemo.state === "ready"');
    phase('two clicks segmented in the browser');
    const browser = await snapshot();
    expect(browser.clicks).toEqual([
      { x: sample.hint.object[0], y: sample.hint.object[1], label: 1 },
      { x: sample.hint.background[0], y: sample.hint.background[1], label: 0 },
    ]);
    const browserIou = iou(browser.mask!, sample.truth);
    process.stderr.write(`demo e2e: IoU in the browser after 2 clicks = ${browserIou.toFixed(4)}\n`);
    expect(browserIou).toBeGreaterThanOrEqual(0.8);
    await page.screenshot({ path: path.join(out, 'demo-browser.png') });

    // the mask the user downloads is the mask shown
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
    const saved = path.join(out, 'downloaded-mask.png');
    await download.saveAs(saved);
    const file = await decodeImage(await fs.readFile(saved), { channels: 1 });
    expect([file.width, file.height]).toEqual([width, height]);
    expect(Array.from(file.data, (v) => (v > 127 ? 1 : 0))).toEqual(browser.mask);

    // the server-side fallback segments the same clicks
    const before = browser.results;
    await page.selectOption('#engine', 'server');
    await waitFor(`window.segDemo.engine === "server" && window.segDemo.results > ${before} && window.segDemo.state === "ready"`);
    phase('segmented on the server');
    const server = await snapshot();
    expect(server.clicks).toHaveLength(2);
    const serverIou = iou(server.mask!, sample.truth);
    process.stderr.write(`demo e2e: IoU through the server after 2 clicks = ${serverIou.toFixed(4)}\n`);
    expect(serverIou).toBeGreaterThanOrEqual(0.8);
    await page.screenshot({ path: path.join(out, 'demo-server.png') });

    // undo leaves the object click only
    await page.click('#undo');
    await waitFor(`window.segDemo.results > ${server.results} && window.segDemo.state === "ready"`);
    expect((await snapshot()).clicks).toEqual([{ x: sample.hint.object[0], y: sample.hint.object[1], label: 1 }]);
    expect(pageErrors).toEqual([]);
  }, 300_000);
});
