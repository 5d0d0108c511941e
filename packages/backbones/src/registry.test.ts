import { GraphBuilder } from '@seg/onnx';
import { BACKBONES, backboneNames, backboneTaps, backboneWeightNames, buildBackbone, getBackbone } from './registry';
import { syntheticWeights } from './weights/seeded';

describe('backbone registry', () => {
  it('lists the six backbones and names them in the error for an unknown one', () => {
    expect(backboneNames()).toEqual(['squeezenet1.1', 'resnet50v2', 'mobilenetv2', 'resnet18', 'resnet34', 'filterbank']);
    expect(Object.keys(BACKBONES)).toEqual(backboneNames());
    expect(() => getBackbone('resnet51')).toThrow("unknown backbone 'resnet51'; known backbones: squeezenet1.1, resnet50v2, mobilenetv2, resnet18, resnet34, filterbank");
    expect(() => getBackbone('toString')).toThrow(/unknown backbone/);
  });

  it('rejects unknown taps naming the available ones, and pretrained backbones without weights', () => {
    expect(() => buildBackbone('resnet50v2', { weights: syntheticWeights(), taps: ['layer4'] }))
      .toThrow("backbone 'resnet50v2' has no tap 'layer4'; available taps: stem, layer1, layer2, layer3");
    expect(() => buildBackbone('squeezenet1.1')).toThrow(/needs pretrained weights.*loadBackboneWeights/);
    expect(() => buildBackbone('resnet18', { inputSize: 0 })).toThrow(/inputSize must be positive integers/);
  });

  it('builds only the layers the requested taps need', () => {
    const shallow = backboneWeightNames('resnet50v2', { taps: ['layer1'] }).map((w) => w.name);
    const deep = backboneWeightNames('resnet50v2').map((w) => w.name);
    expect(shallow.some((n) => n.includes('stage2'))).toBe(false);
    expect(deep.filter((n) => n.includes('stage3_conv')).length).toBe(19);
    // Every zoo file of stages 1-3 and the stem, nothing of stage 4 or the classifier.
    expect(deep.length).toBe(4 * 2 + 1 + 3 * (3 + 4 + 6) * 4 + (10 + 13 + 19));
    expect(backboneWeightNames('squeezenet1.1').length).toBe(52);
    expect(backboneWeightNames('mobilenetv2', { taps: ['features'] }).length).toBe(2 * (3 + 16 * 3 + 1));
    expect(backboneWeightNames('filterbank')).toEqual([]);
  });

  it('reports each tap with stride and channels, and marks the taps as outputs', () => {
    const bb = buildBackbone('mobilenetv2', { weights: syntheticWeights(), taps: ['layer3', 'layer1'] });
    expect(Object.keys(bb.taps)).toEqual(['layer1', 'layer3']); // network order
    expect(bb.meta.layer1).toMatchObject({ stride: 4, channels: 24 });
    expect(bb.builder.outputs.map((o) => o.name)).toEqual(['layer1', 'layer3']);
    expect(bb.taps.layer3.dims).toEqual([1, 96, 14, 14]);
    expect(backboneTaps('filterbank', { channels: 1, scales: [1, 2] }).features.channels).toBe(1 + 2 * 7);
  });

  it('appends into a given builder under a scope without adding outputs', () => {
    const b = new GraphBuilder();
    const x = b.input('rgb', 'float32', ['n', 3, 64, 64]);
    const bb = buildBackbone('resnet18', { builder: b, input: x, taps: ['layer2'] });
    expect(b.outputs).toEqual([]);
    expect(bb.taps.layer2.dims).toEqual(['n', 128, 8, 8]);
    expect(b.parameters.has('backbone/layer2/block0/conv1/weight')).toBe(true);
    const other = new GraphBuilder();
    expect(() => buildBackbone('resnet18', { builder: other, input: x })).toThrow(/another builder/);
  });
});
