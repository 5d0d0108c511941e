import { serializeModel } from '@seg/onnx';
import { createNodeSession } from '@seg/runtime/node';
import { Rng, Tensor } from '@seg/tensor';
import { backboneNames, backboneTaps, buildBackbone } from '../registry';
import { syntheticWeights } from '../weights/seeded';
import { recordingWeights } from '../weights/weight-source';

const EXPECTED_224: Record<string, Record<string, number[]>> = {
  'squeezenet1.1': { conv0: [1, 64, 111, 111], fire2: [1, 128, 55, 55], fire4: [1, 256, 27, 27], fire8: [1, 512, 13, 13], logits: [1, 1000] },
  resnet50v2: { stem: [1, 64, 56, 56], layer1: [1, 256, 56, 56], layer2: [1, 512, 28, 28], layer3: [1, 1024, 14, 14] },
  mobilenetv2: { stem: [1, 16, 112, 112], layer1: [1, 24, 56, 56], layer2: [1, 32, 28, 28], layer3: [1, 96, 14, 14], layer4: [1, 320, 7, 7], features: [1, 1280, 7, 7] },
  resnet34: { layer4: [1, 512, 7, 7] },
  resnet18: { stem: [1, 64, 56, 56], layer1: [1, 64, 56, 56], layer2: [1, 128, 28, 28], layer3: [1, 256, 14, 14], layer4: [1, 512, 7, 7] },
  filterbank: { color: [1, 3, 224, 224], 'sigma0.7': [1, 21, 224, 224], features: [1, 129, 224, 224], features_s4: [1, 129, 56, 56], features_s8: [1, 129, 28, 28] },
};

describe('backbone shapes with synthetic weights', () => {
  it.each(Object.keys(EXPECTED_224))('%s: every tap at 224x224 has the documented stride and channels', (name) => {
    const taps = Object.keys(EXPECTED_224[name]);
    // Shape inference only: zero weights are enough (and cheap).
    const bb = buildBackbone(name, { weights: recordingWeights(), taps, inputSize: 224 });
    for (const t of taps) {
      expect([t, bb.taps[t].dims]).toEqual([t, EXPECTED_224[name][t]]);
      const { stride, channels } = bb.meta[t];
      expect(bb.taps[t].dims[1]).toBe(channels);
      // Nominal stride: SqueezeNet's unpadded layers floor odd sizes (224 / 13 = 17.2 at 'stride 16').
      if (stride !== null) expect(Math.abs(224 / (bb.taps[t].dims[2] as number) / stride - 1)).toBeLessThan(0.1);
    }
  });

  // Runs every backbone (all taps) in onnxruntime at 64x64 with a batch of 2: shapes as inferred,
  // values finite. ResNet-34 is ResNet-18's code with more blocks; its shapes are checked above.
  it.each(backboneNames().filter((n) => n !== 'resnet34'))('%s runs in onnxruntime with finite outputs of the inferred shapes', async (name) => {
    const options = name === 'filterbank' ? { scales: [0.7, 1.6, 5] } : {};
    const taps = Object.keys(backboneTaps(name, options));
    const bb = buildBackbone(name, { ...options, weights: syntheticWeights(4), taps, inputSize: 64, batch: 2 });
    const session = await createNodeSession(serializeModel(bb.builder));
    const x = new Tensor('float32', [2, 3, 64, 64]);
    new Rng(5).fillNormal(x.data as Float32Array, 0.5, 0.25);
    const out = await session.run({ image: x });
    expect(Object.keys(out).sort()).toEqual([...taps].sort());
    for (const t of taps) {
      expect([t, out[t].dims]).toEqual([t, bb.taps[t].dims]);
      expect((out[t].data as Float32Array).every(Number.isFinite)).toBe(true);
    }
    // The two images of the batch differ, and so do their features.
    const last = out[taps[taps.length - 1]].data as Float32Array;
    const half = last.length / 2;
    let diff = 0;
    for (let i = 0; i < half; i++) diff = Math.max(diff, Math.abs(last[i] - last[i + half]));
    expect(diff).toBeGreaterThan(0);
    await session.release();
  });
});
