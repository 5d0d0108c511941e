import type { ImageU8 } from '@seg/tensor';
import { decodeImageBytes } from '@seg/tensor/browser';
import { overlap } from '@seg/weak';
import { $, formatMs } from '../ui/dom';
import { cancelJob, followJob, listModels, predict, weakInfo, type JobRecord, type WeakModelEntry } from './api';
import { LayersView } from './layers-view';
import { bytesOf, encodePng } from '../ui/png';
import { createState } from './state';
import { SAMPLE_SEED, syntheticTile } from './synthetic-tiles';
import { trainOnMonuseg, trainOnSyntheticTiles } from './training';
import { bindImageInput } from '../ui/image-input';

const demo = createState();
const view = new LayersView($<HTMLCanvasElement>('view'), (d) => { demo.drawn = d; });
let image: { pixels: ImageU8; encoded: Blob; truth: Uint8Array | null } | null = null;
let nextSeed = SAMPLE_SEED;
/** Bumped by every new image or model: results of older requests are dropped. */
let generation = 0;
/** Predictions in flight (an older one may still run after a newer started). */
let inFlight = 0;

function showError(e: unknown): void {
  const message = e instanceof Error ? e.message : String(e);
  demo.error = message;
  $('error').textContent = message;
  $('error').hidden = false;
  console.error(e);
}

function clearError(): void {
  demo.error = null;
  $('error').hidden = true;
}

/** Enables what can be done now. */
function updateControls(): void {
  const training = demo.training !== null && !['succeeded', 'failed', 'cancelled'].includes(demo.training.status);
  $<HTMLButtonElement>('train-synthetic').disabled = training || !demo.server.available;
  $<HTMLButtonElement>('train-monuseg').disabled = training || !demo.server.sharedSets.includes('monuseg');
  $<HTMLButtonElement>('cancel').hidden = !training;
  $<HTMLButtonElement>('cancel').disabled = !demo.training?.job;
  $<HTMLButtonElement>('predict').disabled = !image || !demo.model || demo.state === 'busy';
  $<HTMLSelectElement>('model').disabled = demo.models.length === 0;
  document.body.dataset.state = demo.state;
}

function modelLabel(m: WeakModelEntry): string {
  const when = new Date(m.createdAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  const what = m.source === 'upload' ? 'uploaded tiles' : m.source;
  const r = m.result;
  return `${what} · ${r?.train ?? '?'} images${r?.trainSeconds !== undefined ? ` · ${r.trainSeconds.toFixed(1)} s` : ''} · ${when}`;
}

/** Reloads GET /weak/models into the picker; selects `select`, else keeps the current model, else the newest. */
async function refreshModels(select?: string): Promise<void> {
  demo.models = await listModels();
  const box = $<HTMLSelectElement>('model');
  box.replaceChildren(...(demo.models.length ? demo.models : [null]).map((m) => {
    const o = document.createElement('option');
    o.value = m?.model ?? '';
    o.textContent = m ? modelLabel(m) : 'no trained model yet';
    return o;
  }));
  const ids = demo.models.map((m) => m.model);
  const pick = select && ids.includes(select) ? select : demo.model && ids.includes(demo.model) ? demo.model : ids[ids.length - 1] ?? null;
  box.value = pick ?? '';
  if (pick !== demo.model) await setModel(pick);
  updateControls();
}

async function setModel(id: string | null): Promise<void> {
  demo.model = id;
  generation++;
  const m = demo.models.find((x) => x.model === id);
  $('status-model').textContent = m ? `${modelLabel(m)} (${m.result?.supervision ?? 'ratio'} supervision)` : '–';
  updateControls();
  await predictNow();
}

/** Starts a training job, follows its SSE progress into the bar, and selects the model it made. */
async function train(source: 'synthetic' | 'monuseg'): Promise<void> {
  clearError();
  const t0 = performance.now();
  demo.training = { source, job: null, status: 'uploading', step: 0, total: 1, message: source === 'synthetic' ? 'making and uploading tiles…' : 'starting…', events: 0, seconds: null };
  showProgress();
  try {
    const job = source === 'synthetic' ? await trainOnSyntheticTiles() : await trainOnMonuseg(Number($<HTMLInputElement>('train-split').value));
    demo.training.job = job.id;
    const last = await followJob(job.id, (r) => { onProgress(r); });
    demo.training.seconds = (performance.now() - t0) / 1000;
    showProgress();
    if (last.status === 'failed') throw new Error(`training failed: ${last.error ?? 'unknown error'}`);
    if (last.status === 'succeeded') await refreshModels(job.id);
  } catch (e) {
    // a failure after the job ended (e.g. listing the models) leaves its status as it was
    if (!['succeeded', 'cancelled'].includes(demo.training.status)) demo.training.status = 'failed';
    showProgress();
    showError(e);
  }
  updateControls();
}

function onProgress(r: JobRecord): void {
  const t = demo.training!;
  t.status = r.status;
  t.events++;
  if (r.progress) {
    t.step = r.progress.step;
    t.total = Math.max(1, r.progress.total);
    const loss = r.progress.metrics?.loss;
    t.message = [r.progress.message, loss !== undefined ? `loss ${loss.toFixed(4)}` : ''].filter(Boolean).join(' · ');
  }
  showProgress();
}

function showProgress(): void {
  const t = demo.training;
  $('training').hidden = !t;
  if (!t) return;
  const bar = $<HTMLProgressElement>('progress');
  bar.value = t.status === 'succeeded' ? 1 : t.step / t.total;
  const head = t.status === 'succeeded' ? `trained in ${t.seconds?.toFixed(1)} s`
    : t.status === 'running' ? `step ${t.step} / ${t.total}` : t.status;
  $('progress-text').textContent = `${t.source === 'synthetic' ? 'synthetic tiles' : 'MoNuSeg'}: ${head}${t.message && t.status === 'running' ? ` · ${t.message}` : ''}`;
  updateControls();
}

/** Segments the current image with the current model; draws boundaries, graph and region. */
async function predictNow(): Promise<void> {
  if (!image || !demo.model) return;
  const mine = ++generation;
  const model = demo.model;
  inFlight++;
  demo.state = 'busy';
  $('busy').hidden = false;
  updateControls();
  clearError();
  try {
    const t0 = performance.now();
    const r = await predict(model, image.encoded);
    const [mask, boundary] = await Promise.all([
      decodeImageBytes(bytesOf(r.maskPng), { channels: 1, label: 'mask' }),
      r.boundaryPng ? decodeImageBytes(bytesOf(r.boundaryPng), { channels: 1, label: 'superpixel boundaries' }) : null,
    ]);
    if (mine !== generation) return;
    const bin = (m: ImageU8): Uint8Array => Uint8Array.from(m.data, (v) => (v > 127 ? 1 : 0));
    const region = bin(mask);
    view.setLayers({ mask: region, boundary: boundary ? bin(boundary) : null, graph: r.graph });
    const dice = image.truth ? overlap(region, image.truth).dice : null;
    demo.prediction = {
      model, width: r.width, height: r.height, areaRatio: r.areaRatio, superpixelAreaRatio: r.superpixel?.areaRatio ?? null, mask: region, dice,
      vertices: r.graph?.vertices.length ?? 0, edges: r.graph?.edges.length ?? 0, ms: r.ms, roundTripMs: performance.now() - t0,
    };
    demo.predictions++;
    showPrediction();
  } catch (e) {
    if (mine === generation) showError(e);
  } finally {
    if (--inFlight === 0) {
      demo.state = 'idle';
      $('busy').hidden = true;
      updateControls();
    }
  }
}

function showPrediction(): void {
  const p = demo.prediction!;
  const truth = demo.image?.trueRatio;
  $('status-ratio').textContent = `${p.areaRatio.toFixed(3)} estimated`
    + (p.superpixelAreaRatio !== null ? ` (superpixel GCN ${p.superpixelAreaRatio.toFixed(3)})` : '')
    + (truth !== null && truth !== undefined ? ` · true ${truth.toFixed(3)}` : '')
    + (p.dice !== null ? ` · Dice ${p.dice.toFixed(3)}` : '');
  $('status-graph').textContent = p.vertices ? `${p.vertices} superpixels, ${p.edges} edges` : 'this model has no superpixel stage';
  const ms = p.ms;
  $('status-ms').textContent = `features ${formatMs(ms.features)}, superpixels + graph ${formatMs(ms.superpixels)}, GCN ${formatMs(ms.gcn)}, pixel FCN ${formatMs(ms.pixel)}`
    + ` · server ${formatMs(ms.total)}, round trip ${formatMs(p.roundTripMs)}`;
}

/** Shows a new image (and its true mask, for synthetic tiles) and predicts it with the selected model. */
async function setImage(pixels: ImageU8, encoded: Blob, name: string, truth: { mask: Uint8Array; ratio: number; seed: number } | null): Promise<void> {
  image = { pixels, encoded, truth: truth?.mask ?? null };
  demo.image = { name, width: pixels.width, height: pixels.height, seed: truth?.seed ?? null, trueRatio: truth?.ratio ?? null };
  demo.prediction = null;
  generation++;
  $('drop-hint').hidden = true;
  $('status-image').textContent = `${name}, ${pixels.width}×${pixels.height}` + (truth ? `, true area ratio ${truth.ratio.toFixed(3)}` : '');
  for (const id of ['status-ratio', 'status-graph', 'status-ms']) $(id).textContent = '–';
  view.setImage(pixels);
  updateControls();
  if (!demo.model) $('status-ratio').textContent = 'train or pick a model to segment this image';
  await predictNow();
}

async function loadFile(f: File): Promise<void> {
  clearError();
  if (f.type !== 'image/png' && f.type !== 'image/jpeg') { showError(new Error(`${f.name}: the server takes PNG or JPEG, got ${f.type || 'an unknown type'}`)); return; }
  try {
    await setImage(await decodeImageBytes(f, { channels: 3, label: f.name }), f, f.name, null);
  } catch (e) {
    showError(e);
  }
}

async function loadSample(): Promise<void> {
  clearError();
  const seed = nextSeed++;
  const t = syntheticTile(seed);
  await setImage(t.image, await encodePng(t.image), `synthetic tile #${seed}`, { mask: t.mask, ratio: t.ratio, seed });
}

function wire(): void {
  $('train-synthetic').addEventListener('click', () => void train('synthetic'));
  $('train-monuseg').addEventListener('click', () => void train('monuseg'));
  $('cancel').addEventListener('click', () => { if (demo.training?.job) void cancelJob(demo.training.job).catch(showError); });
  $<HTMLSelectElement>('model').addEventListener('change', (e) => void setModel((e.target as HTMLSelectElement).value || null));
  $('sample').addEventListener('click', () => void loadSample().catch(showError));
  $('predict').addEventListener('click', () => void predictNow());
  bindImageInput($<HTMLInputElement>('file'), $('stage'), (f) => void loadFile(f));
  for (const layer of ['boundaries', 'graph', 'region'] as const) {
    $<HTMLInputElement>(`layer-${layer}`).addEventListener('change', (e) => {
      demo.layers[layer] = (e.target as HTMLInputElement).checked;
      view.setToggles(demo.layers);
    });
  }
}

async function main(): Promise<void> {
  wire();
  updateControls();
  try {
    const info = await weakInfo();
    demo.server = { available: true, sharedSets: info.sharedSets };
    await refreshModels();
  } catch (e) {
    demo.server = { available: false, sharedSets: [] };
    showError(new Error(`no method-1 server: ${(e as Error).message} (start apps/server; see apps/demo/README.md)`));
  }
  demo.state = 'idle';
  updateControls();
  document.body.dataset.loaded = 'true';
}

void main();
