import { promises as fs } from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { weakPlugin } from '@seg/server/src/methods/weak';
import { encodeImage } from '@seg/tensor/node';
import { overlap } from '@seg/weak';
import { syntheticTile, TRAIN_SEEDS } from '../src/weak/synthetic-tiles';
import type { WeakDemoState } from '../src/weak/state';
import { DemoHarness, startDemo, testOutput as out } from './demo-harness';


type Snapshot = Omit<WeakDemoState, 'prediction'> & { prediction: (Omit<NonNullable<WeakDemoState['prediction']>, 'mask'> & { mask: number[] }) | null };

/**
 * Method 1's page as a person uses it: built with vite, served by apps/server with the /weak
 * routes, driven in headless Chromium: train on synthetic tiles made in the page (uploaded with
 * their area ratios only), load a synthetic sample, predict, and check what was drawn and the mask.
 */
describe('method 1 page end to end (vite build, apps/server /weak, headless Chromium)', () => {
  let demo: DemoHarness;
  let url: string;
  let page: Page;
  let pageErrors: string[];
  let phase: (what: string) => void;

  beforeAll(async () => {
    // one onnxruntime thread: the machine is shared with other suites
    demo = await startDemo({ name: 'weak-e2e', plugins: [weakPlugin()], server: { threads: 1 }, viewport: { width: 1200, height: 980 } });
    ({ url, page, pageErrors, phase } = demo);
  }, 120_000);

  afterAll(async () => { await demo?.close(); });

  const snapshot = (): Promise<Snapshot> => page.evaluate(() => {
    const d = (window as unknown as { segWeakDemo: WeakDemoState }).segWeakDemo;
    return JSON.parse(JSON.stringify({ ...d, prediction: d.prediction ? { ...d.prediction, mask: Array.from(d.prediction.mask) } : null })) as Snapshot;
  });
  /** Waits for a page condition; a timeout reports the page's errors and state, not just the condition. */
  async function waitFor(fn: string, timeout = 90_000): Promise<void> {
    try {
      await page.waitForFunction(fn, undefined, { timeout, polling: 50 });
    } catch (e) {
      const state = await page.evaluate(() => JSON.stringify((window as unknown as { segWeakDemo?: unknown }).segWeakDemo ?? null).slice(0, 2000)).catch(() => 'unreadable');
      throw new Error(`${(e as Error).message}\npage errors: ${JSON.stringify(pageErrors)}\nstate: ${state}`);
    }
  }

  it('trains on synthetic tiles through the page, then draws the superpixels, graph and region of a new tile', async () => {
    await page.goto(`${url}weak.html`);
    await waitFor('document.body.dataset.loaded === "true"');
    const start = await snapshot();
    expect(start).toMatchObject({ state: 'idle', models: [], model: null, error: null, server: { available: true } });
    // the header links the two pages
    expect(await page.getAttribute('nav.pages a:not([aria-current])', 'href')).toBe('./index.html');

    // train: tiles made in the page, uploaded with their ratios, progress over SSE
    await page.click('#train-synthetic');
    await waitFor('window.segWeakDemo.training && ["succeeded", "failed", "cancelled"].includes(window.segWeakDemo.training.status) && (window.segWeakDemo.model !== null || window.segWeakDemo.error !== null)');
    phase('trained');
    const trained = await snapshot();
    expect(trained.error).toBeNull();
    expect(trained.training).toMatchObject({ source: 'synthetic', status: 'succeeded' });
    expect(trained.training!.events).toBeGreaterThan(2);
    expect(trained.models).toHaveLength(1);
    expect(trained.models[0]).toMatchObject({ model: trained.training!.job, source: 'upload', result: { train: TRAIN_SEEDS.length, supervision: 'ratio' } });
    expect(trained.model).toBe(trained.training!.job);
    expect(await page.locator('#model option').count()).toBe(1);

    // a synthetic sample is predicted as soon as it is loaded
    await page.click('#sample');
    await waitFor('window.segWeakDemo.predictions >= 1 && window.segWeakDemo.state === "idle"');
    phase('predicted');
    const shown = await snapshot();
    expect(shown.error).toBeNull();
    const p = shown.prediction!;
    const sample = syntheticTile(shown.image!.seed!);
    expect([p.width, p.height]).toEqual([sample.image.width, sample.image.height]);
    // every layer was drawn: boundaries, a graph with edges, the region and its outline
    expect(shown.drawn.boundaryPixels).toBeGreaterThan(0.1 * p.width * p.height);
    expect(shown.drawn.vertices).toBe(p.vertices);
    expect(p.vertices).toBeGreaterThan(100);
    expect(shown.drawn.edges).toBe(p.edges);
    expect(p.edges).toBeGreaterThan(p.vertices);
    expect(shown.drawn.regionPixels).toBe(p.mask.reduce((a, v) => a + v, 0));
    expect(shown.drawn.outlines).toBeGreaterThan(3);
    // the region is the discs, found from the training tiles' area ratios alone
    const dice = overlap(p.mask, sample.mask).dice;
    process.stderr.write(`weak e2e: Dice ${dice.toFixed(4)}, area ratio ${p.areaRatio} (true ${sample.ratio.toFixed(4)}), ${p.vertices} superpixels, ${p.edges} edges, server ${p.ms.total} ms\n`);
    expect(dice).toBeGreaterThan(0.85);
    expect(p.dice).toBeCloseTo(dice, 6);
    expect(Math.abs(p.areaRatio - sample.ratio)).toBeLessThan(0.05);
    expect(await page.textContent('#status-ratio')).toContain(`Dice ${dice.toFixed(3)}`);
    await page.screenshot({ path: path.join(out, 'weak-demo.png') });

    // layers toggle: the graph off draws no edges or vertices, the rest stays
    await page.click('#layer-graph');
    const toggled = await snapshot();
    expect(toggled.drawn).toMatchObject({ edges: 0, vertices: 0, boundaryPixels: shown.drawn.boundaryPixels, regionPixels: shown.drawn.regionPixels });
    await page.click('#layer-graph');
    expect((await snapshot()).drawn.edges).toBe(p.edges);

    // an uploaded PNG goes the same way (no true mask in the page: scored here)
    const upload = syntheticTile(2001);
    const file = path.join(out, 'weak-upload.png');
    await fs.writeFile(file, await encodeImage(upload.image, 'png'));
    await page.setInputFiles('#file', file);
    await waitFor(`window.segWeakDemo.predictions >= ${shown.predictions + 1} && window.segWeakDemo.state === "idle"`);
    const uploaded = await snapshot();
    expect(uploaded.image).toMatchObject({ name: 'weak-upload.png', seed: null, trueRatio: null });
    expect(uploaded.prediction!.dice).toBeNull();
    expect(uploaded.drawn.edges).toBeGreaterThan(0);
    const uploadDice = overlap(uploaded.prediction!.mask, upload.mask).dice;
    phase(`uploaded PNG predicted, Dice ${uploadDice.toFixed(4)}`);
    expect(uploadDice).toBeGreaterThan(0.85);
    expect(pageErrors).toEqual([]);
  }, 180_000);
});
