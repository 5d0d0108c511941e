import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { serializeModel } from '@seg/onnx';
import { createNodeSession } from '@seg/runtime/node';
import { Rng, Tensor } from '@seg/tensor';
import { writeNpy } from '@seg/tensor/node';
import { backboneWeightNames, buildBackbone } from '../registry';
import { syntheticWeights } from '../weights/seeded';
import { loadBackbone, loadWeightsDir, modelsDir, resolveWeightsDir } from './weights-dir';

describe('loading backbone weights from .npy folders', () => {
  let root: string;
  const saved = process.env.SEG_MODELS;
  beforeAll(async () => {
    // A models folder laid out like the shared one, holding synthetic MobileNetV2 weights up to layer2.
    root = mkdtempSync(path.join(tmpdir(), 'seg-backbones-'));
    const src = syntheticWeights(11);
    for (const w of backboneWeightNames('mobilenetv2', { taps: ['layer2'] })) {
      await writeNpy(path.join(root, 'mobilenetv2_nchw', 'weights', `${w.name}.npy`), src.get(w.name, w.dims));
    }
  });
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
    if (saved === undefined) delete process.env.SEG_MODELS; else process.env.SEG_MODELS = saved;
  });

  it('finds the folder through SEG_MODELS and builds the same network as from memory', async () => {
    process.env.SEG_MODELS = root;
    expect(modelsDir()).toBe(root);
    expect(resolveWeightsDir('mobilenetv2')).toBe(path.join(root, 'mobilenetv2_nchw', 'weights'));
    const fromDisk = await loadBackbone('mobilenetv2', { taps: ['layer2'], inputSize: 32 });
    const fromMemory = buildBackbone('mobilenetv2', { taps: ['layer2'], inputSize: 32, weights: syntheticWeights(11) });
    const x = new Tensor('float32', [1, 3, 32, 32]);
    new Rng(2).fillUniform(x.data as Float32Array);
    const run = async (b: typeof fromDisk) => (await (await createNodeSession(serializeModel(b.builder))).run({ image: x })).layer2.data;
    expect(await run(fromDisk)).toEqual(await run(fromMemory));
  });

  it('accepts an explicit model folder or weights folder', () => {
    expect(resolveWeightsDir('mobilenetv2', { weights: path.join(root, 'mobilenetv2_nchw') })).toBe(path.join(root, 'mobilenetv2_nchw', 'weights'));
    expect(resolveWeightsDir('mobilenetv2', { modelsDir: root })).toBe(path.join(root, 'mobilenetv2_nchw', 'weights'));
  });

  it('says "weights not found" and where it looked when files or folders are missing', async () => {
    process.env.SEG_MODELS = path.join(root, 'nowhere');
    expect(() => resolveWeightsDir('squeezenet1.1')).toThrow(/weights not found for backbone 'squeezenet1.1': models folder .*nowhere does not exist/);
    expect(() => resolveWeightsDir('resnet50v2', { modelsDir: root })).toThrow(/weights not found for backbone 'resnet50v2': .*resnet50v2_nchw does not exist/);
    // The layer2 files are there, layer3's are not.
    await expect(loadBackbone('mobilenetv2', { taps: ['layer3'] }, { modelsDir: root })).rejects.toThrow(/weights not found: 42 of 78 weight files missing .*conv_33_weight\.npy/);
    await expect(loadWeightsDir(path.join(root, 'absent'))).rejects.toThrow(/weights not found: cannot list/);
    expect(() => resolveWeightsDir('filterbank')).toThrow(/needs no weight files/);
  });
});
