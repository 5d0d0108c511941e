import { serializeModel } from '@seg/onnx';
import { createNodeSession } from '@seg/runtime/node';
import { Rng, Tensor } from '@seg/tensor';
import { buildBackbone } from '../registry';
import { weightsFromMap, recordingWeights } from '../weights/weight-source';

/** max |a - b| / max |b|. */
function maxRelError(a: Float32Array, b: Float32Array): number {
  let d = 0; let m = 0;
  for (let i = 0; i < b.length; i++) { d = Math.max(d, Math.abs(a[i] - b[i])); m = Math.max(m, Math.abs(b[i])); }
  return d / m;
}

const trainableCount = (name: string) => {
  const bb = buildBackbone(name, { weights: recordingWeights() });
  return bb.builder.trainableParameters().reduce((a, p) => a + p.tensor.size, 0);
};

describe('ResNet-18/34 (trainable, seeded)', () => {
  it('has torchvision\'s parameter counts without the classifier', () => {
    // torchvision resnet18/34 have 11,689,512 / 21,797,672 parameters, of which fc is 512*1000+1000.
    expect(trainableCount('resnet18')).toBe(11689512 - 513000);
    expect(trainableCount('resnet34')).toBe(21797672 - 513000);
  });

  it('names parameters hierarchically, keeps BN statistics frozen and records every BN', () => {
    const bb = buildBackbone('resnet18', { weights: recordingWeights() });
    const p = bb.builder.parameters;
    for (const n of ['stem/conv1/weight', 'stem/bn1/weight', 'layer2/block0/conv1/weight', 'layer2/block0/bn1/running_mean',
      'layer2/block0/downsample/conv/weight', 'layer4/block1/bn2/running_var']) expect(p.has(n)).toBe(true);
    expect(p.get('layer2/block0/conv1/weight')!.trainable).toBe(true);
    expect(p.get('layer2/block0/bn1/bias')!.trainable).toBe(true);
    expect(p.get('layer2/block0/bn1/running_mean')!.trainable).toBe(false);
    expect(bb.batchNorms.length).toBe(1 + 8 * 2 + 3);
    const rec = bb.batchNorms.find((r) => r.name === 'layer3/block0/downsample/bn')!;
    expect(rec.runningVar.name).toBe('layer3/block0/downsample/bn/running_var');
    expect(rec.output.dims).toEqual([1, 256, 14, 14]);
  });

  it('initialises He-normal (fan-out) from the seed, independently of which taps are built', () => {
    const full = buildBackbone('resnet18', { seed: 7 }).builder.parameters;
    const w = full.get('layer3/block1/conv2/weight')!.tensor.data as Float32Array;
    let s2 = 0;
    for (const v of w) s2 += v * v;
    const std = Math.sqrt(s2 / w.length);
    expect(Math.abs(std / Math.sqrt(2 / (256 * 9)) - 1)).toBeLessThan(0.01);
    expect(full.get('layer3/block1/bn2/weight')!.tensor.toArray().every((v) => v === 1)).toBe(true);
    expect(full.get('layer3/block1/bn2/running_var')!.tensor.toArray().every((v) => v === 1)).toBe(true);
    const shallow = buildBackbone('resnet18', { seed: 7, taps: ['layer1'] }).builder.parameters;
    expect(shallow.has('layer2/block0/conv1/weight')).toBe(false);
    expect(shallow.get('layer1/block1/conv1/weight')!.tensor.data).toEqual(full.get('layer1/block1/conv1/weight')!.tensor.data);
    const other = buildBackbone('resnet18', { seed: 8, taps: ['layer1'] }).builder.parameters;
    expect(other.get('layer1/block1/conv1/weight')!.tensor.data).not.toEqual(full.get('layer1/block1/conv1/weight')!.tensor.data);
  });

  it('runs with parameters fed as graph inputs (a training graph) exactly as with baked-in initializers, and reloads from its own names', async () => {
    const bb = buildBackbone('resnet18', { taps: ['layer2'], inputSize: 32, seed: 3 });
    const x = new Tensor('float32', [1, 3, 32, 32]);
    new Rng(1).fillNormal(x.data as Float32Array, 0.5, 0.2);
    const baked = await (await createNodeSession(serializeModel(bb.builder))).run({ image: x });
    const feeds: Record<string, Tensor> = { image: x };
    for (const p of bb.builder.trainableParameters()) feeds[p.value.name] = p.tensor;
    const fed = await (await createNodeSession(serializeModel(bb.builder, { parameters: 'inputs' }))).run(feeds);
    // Not bit-identical: with initializers ORT folds BN into the convolutions.
    expect(maxRelError(fed.layer2.data as Float32Array, baked.layer2.data as Float32Array)).toBeLessThan(1e-5);
    // Trained values come back through a weight source keyed by the same names.
    const map = new Map([...bb.builder.parameters].map(([n, p]) => [n, p.tensor]));
    const again = buildBackbone('resnet18', { taps: ['layer2'], inputSize: 32, weights: weightsFromMap(map) });
    const out = await (await createNodeSession(serializeModel(again.builder))).run({ image: x });
    expect(out.layer2.data).toEqual(baked.layer2.data);
  });
});
