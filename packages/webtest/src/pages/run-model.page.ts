// Runs an ONNX model with @seg/runtime/web (onnxruntime-web, wasm) on feeds served as raw bytes,
// and uploads every output's raw bytes. Driven by runModelInBrowser (../run-model.ts).
import { createWebSession, setupWebRuntime, webRuntimeInfo } from '@seg/runtime/web';
import { allocate, DType, Tensor } from '@seg/tensor';
import { fetchFile, input, ortWasmUrl, report, upload } from '../page';
import type { RunModelSpec, RunModelPageResult } from '../run-model-spec';

function typedView(dtype: DType, bytes: Uint8Array): Tensor['data'] {
  const Ctor = allocate(dtype, 0).constructor as unknown as new (b: ArrayBuffer, o: number, n: number) => Tensor['data'];
  const per = allocate(dtype, 1).byteLength;
  // fetchFile returns a fresh buffer at offset 0, so the view is aligned.
  return new Ctor(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength / per);
}

report(async (): Promise<RunModelPageResult> => {
  const spec = input<RunModelSpec>();
  const { threads } = setupWebRuntime({ wasmPaths: ortWasmUrl(), threads: spec.threads });
  const model = await fetchFile(spec.modelFile);
  const feeds: Record<string, Tensor> = {};
  for (const f of spec.feeds) feeds[f.name] = new Tensor(f.dtype, f.dims, typedView(f.dtype, await fetchFile(f.file)) as never);
  const t0 = performance.now();
  const session = await createWebSession(model, { executionProvider: 'wasm' }, spec.label);
  const t1 = performance.now();
  const out = await session.run(feeds, spec.fetch);
  const t2 = performance.now();
  const outputs = [];
  for (const [name, t] of Object.entries(out)) {
    const d = t.data;
    await upload(`output-${outputs.length}`, new Uint8Array(d.buffer, d.byteOffset, d.byteLength));
    outputs.push({ name, dtype: t.dtype, dims: [...t.dims] });
  }
  await session.release();
  return { outputs, requestedThreads: threads, runtime: webRuntimeInfo(), createMs: t1 - t0, runMs: t2 - t1 };
});
