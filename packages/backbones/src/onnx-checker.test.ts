import { serializeModel } from '@seg/onnx';
import { checkOnnx } from '@seg/onnx/src/testing/onnx-checker';
import { backboneNames, backboneTaps, buildBackbone } from './registry';
import { recordingWeights } from './weights/weight-source';

describe('exported backbones pass the ONNX checker (full_check, opset 17)', () => {
  it('every backbone with all its taps, plus a training-form ResNet-18 and a Lab filter bank', async () => {
    const models: [string, Uint8Array][] = [];
    for (const name of backboneNames()) {
      // Small inputs keep it fast; the checker looks at structure, so zero weights of the right shapes do.
      const bb = buildBackbone(name, { weights: recordingWeights(), taps: Object.keys(backboneTaps(name)), inputSize: 64, batch: 'batch', opset: 17 });
      models.push([name, serializeModel(bb.builder)]);
    }
    const train = buildBackbone('resnet18', { weights: recordingWeights(), taps: ['layer4'], inputSize: 64, opset: 17 });
    models.push(['resnet18 (parameters as inputs)', serializeModel(train.builder, { parameters: 'inputs' })]);
    const lab = buildBackbone('filterbank', { colorSpace: 'lab', scales: [1, 3.5], taps: ['features_s8'], inputSize: [40, 48], opset: 17 });
    models.push(['filterbank (lab)', serializeModel(lab.builder)]);
    const results = await checkOnnx(models.map(([, m]) => m));
    const report = results.map((r, i) => ({ model: models[i][0], ok: r.ok, error: r.error }));
    process.stderr.write(`${report.map((r) => `onnx checker: ${r.model}: ${r.ok ? 'ok' : r.error}`).join('\n')}\n`);
    expect(report.filter((r) => !r.ok)).toEqual([]);
  });
});
