import * as path from 'path';
import { serializeModel } from '@seg/onnx';
import { Tensor } from '@seg/tensor';
import { readNpy } from '@seg/tensor/node';
import { runModelInBrowser } from '@seg/webtest';
import { loadBackbone, modelsDir, referenceDataDir } from './node';

/** max_i |y_i - ref_i| / max_i |ref_i| over one row of 1000 logits (as in node/squeezenet-reference.test.ts). */
function maxRelativeError(y: Float32Array, ref: Float32Array): number {
  let d = 0;
  let m = 0;
  for (let i = 0; i < ref.length; i++) { d = Math.max(d, Math.abs(y[i] - ref[i])); m = Math.max(m, Math.abs(ref[i])); }
  return d / m;
}

const SETS = ['0', '1', '2'];
const dataDir = referenceDataDir('squeezenet1.1');

describe('SqueezeNet 1.1 in Chromium (onnxruntime-web, wasm) against the ONNX model zoo reference outputs', () => {
  if (dataDir) {
    it('matches output_0.npy for each test_data_set input to 1e-5 relative error', async () => {
      // The model is built in node from the shared weights and served to the page as bytes; the three
      // zoo inputs (already normalised) run as one batch, so Chromium starts once.
      const bb = await loadBackbone('squeezenet1.1', { normalize: false, batch: SETS.length });
      const inputs = await Promise.all(SETS.map((s) => readNpy(path.join(dataDir, s, 'input_0.npy'))));
      const refs = await Promise.all(SETS.map((s) => readNpy(path.join(dataDir, s, 'output_0.npy'))));
      const image = new Tensor('float32', [SETS.length, 3, 224, 224]);
      inputs.forEach((x, i) => image.data.set(x.expect(`input_0.npy of set ${i}`, 'float32', [1, 3, 224, 224]).data as Float32Array, i * x.size));

      const web = await runModelInBrowser(serializeModel(bb.builder), { image }, { label: 'squeezenet1.1' });
      const logits = web.outputs.logits;
      expect(logits.dims).toEqual([SETS.length, 1000]);
      const errors = refs.map((ref, i) => maxRelativeError((logits.data as Float32Array).subarray(i * 1000, (i + 1) * 1000), ref.data as Float32Array));
      process.stderr.write(`squeezenet1.1 in Chromium: max relative errors ${errors.map((e) => e.toExponential(3)).join(', ')}; `
        + `threads ${web.page.runtime.numThreads} (isolated ${web.page.runtime.crossOriginIsolated}); session ${web.page.createMs.toFixed(0)} ms, `
        + `run ${web.page.runMs.toFixed(0)} ms; total ${web.run.timings.totalMs} ms\n`);
      for (const e of errors) expect(e).toBeLessThan(1e-5);
    });
  } else {
    it('reports a clear "weights not found" error when the models folder is absent', async () => {
      expect(modelsDir()).toBeNull();
      await expect(loadBackbone('squeezenet1.1')).rejects.toThrow(/weights not found for backbone 'squeezenet1.1'/);
    });
  }
});
