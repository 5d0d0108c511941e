import * as path from 'path';
import { allocate, Tensor } from '@seg/tensor';
import type { RunModelPageResult, RunModelSpec } from './run-model-spec';
import { runInBrowser, type BrowserRun, type RunInBrowserOptions } from './run-in-browser';

export interface RunModelOptions extends Omit<RunInBrowserOptions, 'entry' | 'files' | 'input'> {
  /** Outputs to fetch (default: all). */
  fetch?: string[];
  /** wasm threads (default: min(4, hardwareConcurrency); 1 when the page is not cross-origin isolated). */
  threads?: number;
  /** Names the model in errors. */
  label?: string;
}

export interface ModelRun {
  outputs: Record<string, Tensor>;
  /** Page facts plus what onnxruntime-web reported (threads it uses, version) and its timings. */
  page: RunModelPageResult;
  run: BrowserRun<RunModelPageResult>;
}

/**
 * Runs ONNX model bytes in headless Chromium through @seg/runtime/web (onnxruntime-web, wasm) and
 * returns its outputs as seg tensors. Feeds and outputs travel as raw bytes, so values are exact
 * and large maps are cheap.
 */
export async function runModelInBrowser(model: Uint8Array, feeds: Record<string, Tensor>, options: RunModelOptions = {}): Promise<ModelRun> {
  const { fetch, threads, label = 'model', ...rest } = options;
  const files: Record<string, Uint8Array> = { 'model.onnx': model };
  const spec: RunModelSpec = { label, modelFile: 'model.onnx', feeds: [], fetch, threads };
  Object.entries(feeds).forEach(([name, t], i) => {
    const file = `feed-${i}.bin`;
    files[file] = new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength);
    spec.feeds.push({ name, dtype: t.dtype, dims: [...t.dims], file });
  });
  const run = await runInBrowser<RunModelPageResult>({ ...rest, entry: path.join(__dirname, 'pages', 'run-model.page.ts'), files, input: spec });
  const outputs: Record<string, Tensor> = {};
  run.value.outputs.forEach((o, i) => {
    const bytes = run.uploads[`output-${i}`];
    if (!bytes) throw new Error(`${label}: the page did not upload output '${o.name}'`);
    const data = allocate(o.dtype, 0).constructor as unknown as new (b: ArrayBuffer, off: number, n: number) => Tensor['data'];
    const per = allocate(o.dtype, 1).byteLength;
    outputs[o.name] = new Tensor(o.dtype, o.dims, new data(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength / per) as never);
  });
  return { outputs, page: run.value, run };
}
