import type { Click } from '@seg/interactive';
import { webRuntimeInfo } from '@seg/runtime/web';
import type { ImageU8 } from '@seg/tensor';
import { decodeImageBytes } from '@seg/tensor/browser';
import { BrowserEngine, browserRuntime, warmUpRuntime, type BrowserBackbone } from './engine/browser-engine';
import { ServerEngine } from './engine/server-engine';
import type { SegEngine } from './engine/types';
import { CanvasView } from './ui/canvas-view';
import { downloadMask } from './ui/download';
import { bindImageInput } from './ui/image-input';
import { encodePng } from './ui/png';

/** What the page exposes for tests and curious users (window.segDemo). */
interface DemoState {
  state: 'empty' | 'features' | 'ready' | 'predicting' | 'error';
  engine: string;
  backbone: string | null;
  image: { name: string; width: number; height: number } | null;
  featureMs: number | null;
  clicks: Click[];
  /** Masks shown so far (grows by one per finished prediction). */
  results: number;
  lastMask: { width: number; height: number; data: Uint8Array; clicks: number } | null;
  lastLatencyMs: number | null;
  error: string | null;
  runtime: { threads: number; crossOriginIsolated: boolean; version: string } | null;
  server: { available: boolean; backbone: string | null };
}

const $ = <T extends HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`the page has no #${id}`);
  return el as T;
};

const demo: DemoState = {
  state: 'empty', engine: 'browser:filterbank', backbone: null, image: null, featureMs: null, clicks: [], results: 0,
  lastMask: null, lastLatencyMs: null, error: null, runtime: null, server: { available: false, backbone: null },
};
(window as unknown as { segDemo: DemoState }).segDemo = demo;

const view = new CanvasView($<HTMLCanvasElement>('view'));
let engine: SegEngine = new BrowserEngine('filterbank');
let image: { pixels: ImageU8; encoded: Blob; name: string } | null = null;
/** Bumped on every new image or engine: results of older work are dropped. */
let generation = 0;

const ms = (v: number): string => `${v < 10 ? v.toFixed(1) : Math.round(v)} ms`;

function showError(e: unknown): void {
  const message = e instanceof Error ? e.message : String(e);
  demo.error = message;
  const el = $('error');
  el.textContent = message;
  el.hidden = false;
  console.error(e);
}

function clearError(): void {
  demo.error = null;
  $('error').hidden = true;
}

function busy(text: string | null): void {
  $('busy').hidden = text === null;
  if (text !== null) $('busy-text').textContent = text;
}

function updateStatus(): void {
  $('status-clicks').textContent = `${demo.clicks.length} (${demo.clicks.filter((c) => c.label === 1).length} object, ${demo.clicks.filter((c) => c.label === 0).length} background)`;
  ($('undo') as HTMLButtonElement).disabled = demo.clicks.length === 0;
  ($('clear') as HTMLButtonElement).disabled = demo.clicks.length === 0;
  ($('download') as HTMLButtonElement).disabled = !demo.lastMask;
  document.body.dataset.state = demo.state;
}

/** Computes features for the current image with the current engine, then re-predicts the current clicks. */
async function prepareImage(): Promise<void> {
  if (!image) return;
  const mine = ++generation;
  demo.state = 'features';
  updateStatus();
  clearError();
  $('status-features').textContent = 'computing…';
  try {
    const ready = await engine.setImage(image.pixels, image.encoded, (m) => busy(m));
    if (mine !== generation) return;
    demo.featureMs = ready.featureMs;
    demo.backbone = ready.backbone;
    demo.state = 'ready';
    $('status-features').textContent = `${ready.backbone}, ${ms(ready.featureMs)} · ${ready.detail}`;
    busy(null);
    if (demo.clicks.length) await predictNow(performance.now());
  } catch (e) {
    if (mine !== generation) return;
    demo.state = 'error';
    busy(null);
    $('status-features').textContent = 'failed';
    showError(e);
  }
  updateStatus();
}

let running = false;
let pendingSince: number | null = null;

/** Predicts for the current clicks; clicks arriving meanwhile are folded into one follow-up prediction. */
async function requestPredict(): Promise<void> {
  const t0 = performance.now();
  if (running || demo.state === 'features') { pendingSince ??= t0; return; }
  await predictNow(t0);
}

async function predictNow(t0: number): Promise<void> {
  running = true;
  let since: number | null = t0;
  try {
    while (since !== null) {
      pendingSince = null;
      const mine = generation;
      const clicks = demo.clicks.slice();
      demo.state = 'predicting';
      updateStatus();
      const r = await engine.predict(clicks);
      if (mine !== generation) return;
      view.setMask(clicks.length ? r.mask : null, clicks);
      demo.lastMask = clicks.length ? { width: r.width, height: r.height, data: r.mask, clicks: clicks.length } : null;
      demo.results++;
      demo.lastLatencyMs = performance.now() - since;
      $('status-latency').textContent = clicks.length
        ? `${ms(demo.lastLatencyMs)} click → mask (train ${ms(r.ms.train)}, predict ${ms(r.ms.predict)})`
        : 'cleared';
      demo.state = 'ready';
      since = pendingSince;
    }
  } catch (e) {
    demo.state = 'ready';
    showError(e);
  } finally {
    running = false;
    updateStatus();
  }
}

/** Decodes an image file or sample and starts computing its features. */
async function loadImage(blob: Blob, name: string): Promise<void> {
  clearError();
  try {
    const pixels = await decodeImageBytes(blob, { channels: 3, label: name });
    // the server takes PNG or JPEG: other formats are re-encoded as PNG
    const encoded = blob.type === 'image/png' || blob.type === 'image/jpeg' ? blob : await encodePng(pixels);
    image = { pixels, encoded, name };
  } catch (e) {
    showError(e);
    return;
  }
  demo.image = { name, width: image.pixels.width, height: image.pixels.height };
  demo.clicks = [];
  demo.lastMask = null;
  $('drop-hint').hidden = true;
  $('status-image').textContent = `${name}, ${image.pixels.width}×${image.pixels.height}`;
  $('status-latency').textContent = '–';
  view.setImage(image.pixels);
  await prepareImage();
}

async function setEngine(choice: string): Promise<void> {
  const old = engine;
  engine = choice === 'server' ? new ServerEngine() : new BrowserEngine(choice.split(':')[1] as BrowserBackbone);
  demo.engine = choice;
  generation++;
  running = false;
  void old.dispose().catch(() => undefined);
  await prepareImage();
}

function addClick(x: number, y: number, label: number): void {
  if (!image || demo.state === 'empty' || demo.state === 'error') return;
  demo.clicks.push({ x, y, label });
  view.setClicks(demo.clicks);
  updateStatus();
  void requestPredict();
}

function wire(): void {
  const canvas = view.canvas;
  canvas.addEventListener('contextmenu', (e) => e.preventDefault());
  canvas.addEventListener('mousedown', (e) => {
    if (e.button !== 0 && e.button !== 2) return;
    e.preventDefault();
    const p = view.toImage(e);
    if (!p) return;
    const picked = Number((document.querySelector('input[name="label"]:checked') as HTMLInputElement).value);
    addClick(p.x, p.y, e.button === 2 || e.shiftKey ? 0 : picked);
  });
  $('undo').addEventListener('click', () => { demo.clicks.pop(); view.setClicks(demo.clicks); void requestPredict(); });
  $('clear').addEventListener('click', () => { demo.clicks = []; view.setMask(null, []); demo.lastMask = null; updateStatus(); void requestPredict(); });
  $('download').addEventListener('click', () => {
    if (demo.lastMask) void downloadMask(demo.lastMask.data, demo.lastMask.width, demo.lastMask.height, `${(image?.name ?? 'image').replace(/\.\w+$/, '')}.mask.png`).catch(showError);
  });
  document.addEventListener('keydown', (e) => {
    if ((e.ctrlKey || e.metaKey) && e.key === 'z') { e.preventDefault(); $('undo').click(); }
  });
  bindImageInput($<HTMLInputElement>('file'), $('stage'), (f) => void loadImage(f, f.name));
  $<HTMLSelectElement>('engine').addEventListener('change', (e) => void setEngine((e.target as HTMLSelectElement).value));
}

async function loadSamples(): Promise<void> {
  const list = (await (await fetch('samples/index.json')).json()) as { id: string; title: string }[];
  const box = $('samples');
  for (const s of list) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = s.title;
    b.dataset.sample = s.id;
    b.addEventListener('click', async () => {
      box.querySelectorAll('button').forEach((x) => x.classList.toggle('active', x === b));
      const r = await fetch(`samples/${s.id}.png`);
      await loadImage(await r.blob(), `${s.id}.png`);
    });
    box.appendChild(b);
  }
}

/** Asks the server what it offers; the server options are disabled when there is none (e.g. `vite` alone). */
async function probeServer(): Promise<void> {
  const select = $<HTMLSelectElement>('engine');
  try {
    const r = await fetch('/interactive/info');
    if (!r.ok) throw new Error(String(r.status));
    const info = await r.json();
    demo.server = { available: true, backbone: info.backbone };
    (select.querySelector('option[value="browser:resnet50v2"]') as HTMLOptionElement).disabled = info.backbone !== 'resnet50v2';
  } catch {
    demo.server = { available: false, backbone: null };
    for (const v of ['browser:resnet50v2', 'server']) (select.querySelector(`option[value="${v}"]`) as HTMLOptionElement).disabled = true;
  }
}

async function main(): Promise<void> {
  wire();
  updateStatus();
  const { threads } = browserRuntime();
  demo.runtime = { threads, crossOriginIsolated: globalThis.crossOriginIsolated === true, version: 'loading' };
  $('status-runtime').textContent = 'loading onnxruntime-web…';
  const warm = warmUpRuntime();
  await Promise.all([loadSamples().catch(showError), probeServer()]);
  document.body.dataset.loaded = 'true';
  const warmMs = await warm.catch((e) => { showError(e); return NaN; });
  const info = webRuntimeInfo();
  demo.runtime = { threads, crossOriginIsolated: info.crossOriginIsolated, version: info.version };
  $('status-runtime').textContent = `onnxruntime-web ${info.version}, ${threads} wasm thread${threads === 1 ? '' : 's'}${info.crossOriginIsolated ? '' : ' (page not cross-origin isolated)'}`
    + `, ready in ${ms(warmMs)}` + (demo.server.available ? ` · server backbone: ${demo.server.backbone}` : ' · no server');
}

void main();
