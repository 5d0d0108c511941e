import * as path from 'path';
import { serializeModel } from '@seg/onnx';
import { createNodeSession } from '@seg/runtime/node';
import { Tensor } from '@seg/tensor';
import { readNpy } from '@seg/tensor/node';
import { loadBackbone, modelsDir, referenceDataDir } from './weights-dir';

/**
 * The error measure of this test: max_i |y_i - ref_i| / max_i |ref_i| over the 1000 logits
 * (the zoo README: a correct float32 implementation is within ~1e-6 of the reference).
 */
function maxRelativeError(y: Float32Array, ref: Float32Array): number {
  let d = 0; let m = 0;
  for (let i = 0; i < ref.length; i++) { d = Math.max(d, Math.abs(y[i] - ref[i])); m = Math.max(m, Math.abs(ref[i])); }
  return d / m;
}

const dataDir = referenceDataDir('squeezenet1.1');

describe('SqueezeNet 1.1 against the ONNX model zoo reference outputs', () => {
  if (dataDir) {
    it('matches output_0.npy for each test_data_set input to 1e-5 relative error (onnxruntime-node)', async () => {
      // The zoo inputs are already normalised.
      const bb = await loadBackbone('squeezenet1.1', { normalize: false });
      const session = await createNodeSession(serializeModel(bb.builder));
      for (const set of ['0', '1', '2']) {
        const x = await readNpy(path.join(dataDir, set, 'input_0.npy'));
        const ref = await readNpy(path.join(dataDir, set, 'output_0.npy'));
        const y = (await session.run({ image: x as Tensor })).logits;
        expect(y.dims).toEqual(ref.dims);
        const err = maxRelativeError(y.data as Float32Array, ref.data as Float32Array);
        process.stderr.write(`squeezenet1.1 test_data_set/${set}: max relative error ${err.toExponential(3)}\n`);
        expect(err).toBeLessThan(1e-5);
      }
    });
  } else {
    it('reports a clear "weights not found" error when the models folder is absent', async () => {
      expect(modelsDir()).toBeNull();
      await expect(loadBackbone('squeezenet1.1')).rejects.toThrow(/weights not found for backbone 'squeezenet1.1'/);
    });
  }
});
