import * as path from 'path';
import { serializeModel } from '@seg/onnx';
import { createNodeSession } from '@seg/runtime/node';
import { Tensor } from '@seg/tensor';
import { readNpy } from '@seg/tensor/node';
import { IMAGENET_MEAN, IMAGENET_STD } from '../layers';
import { loadBackbone, loadBackboneWeights, referenceDataDir } from './weights-dir';

/** max |a - b| / max |b|. */
function maxRelError(a: Float32Array, b: Float32Array): number {
  let d = 0; let m = 0;
  for (let i = 0; i < b.length; i++) { d = Math.max(d, Math.abs(a[i] - b[i])); m = Math.max(m, Math.abs(b[i])); }
  return d / m;
}

const EXPECTED: Record<string, Record<string, number[]>> = {
  resnet50v2: { layer1: [1, 256, 56, 56], layer2: [1, 512, 28, 28], layer3: [1, 1024, 14, 14] },
  mobilenetv2: { layer1: [1, 24, 56, 56], layer2: [1, 32, 28, 28], layer3: [1, 96, 14, 14], layer4: [1, 320, 7, 7], features: [1, 1280, 7, 7] },
};

describe.each(Object.keys(EXPECTED))('%s with the zoo weights', (name) => {
  const dataDir = referenceDataDir(name);
  if (dataDir) {
    it('gives finite, varying taps of the documented shapes at 224x224 (and, for MobileNetV2, built-in normalisation equals normalising outside)', async () => {
      const taps = Object.keys(EXPECTED[name]);
      // The zoo's test input is already normalised; un-normalise it to RGB in [0, 1]-ish for the built-in path.
      const xn = await readNpy(path.join(dataDir, '0', 'input_0.npy')) as Tensor<'float32'>;
      const rgb = new Tensor('float32', xn.dims);
      const hw = 224 * 224;
      for (let i = 0; i < xn.size; i++) { const c = Math.floor(i / hw) % 3; rgb.data[i] = xn.data[i] * IMAGENET_STD[c] + IMAGENET_MEAN[c]; }
      const weights = await loadBackboneWeights(name, { taps });
      const plain = await loadBackbone(name, { taps, normalize: false, weights });
      const a = await (await createNodeSession(serializeModel(plain.builder))).run({ image: xn });
      // The normalisation layer is shared code: checking it on the cheaper network is enough.
      const withNorm = name === 'mobilenetv2' ? await loadBackbone(name, { taps, weights }) : null;
      const b = withNorm ? await (await createNodeSession(serializeModel(withNorm.builder))).run({ image: rgb }) : null;
      for (const t of taps) {
        expect([t, a[t].dims]).toEqual([t, EXPECTED[name][t]]);
        const v = a[t].data as Float32Array;
        expect(v.every(Number.isFinite)).toBe(true);
        // Not a constant map: trained features vary over the image.
        let lo = Infinity; let hi = -Infinity;
        for (const e of v) { lo = Math.min(lo, e); hi = Math.max(hi, e); }
        expect(hi - lo).toBeGreaterThan(0.1);
        if (b) expect(maxRelError(b[t].data as Float32Array, v)).toBeLessThan(1e-4);
      }
    });
  } else {
    it('reports "weights not found" when the models folder is absent', async () => {
      await expect(loadBackbone(name)).rejects.toThrow(new RegExp(`weights not found for backbone '${name}'`));
    });
  }
});
