import { Rng, Tensor } from '@seg/tensor';
import { GraphBuilder } from '../builder/graph-builder';
import type { Value } from '../builder/value';
import { binaryCrossEntropyWithLogits, softmaxCrossEntropy } from '../losses';
import * as op from '../ops';
import { adam, cosineSchedule, sgd, warmupSchedule } from '../optim';
import { checkOnnx } from '../testing/onnx-checker';
import { batchNormalization, batchNormParams } from './batch-norm';
import { exportInferenceModel } from './export';
import { setTrainingMode } from './model-state';
import { buildTrainingStep } from './training-step';

/** A conv + batch-norm + relu + 1x1 head network; the same names in every build. */
function net(b: GraphBuilder, x: Value): Value {
  const rng = new Rng(0);
  const w = new Tensor('float32', [4, 3, 3, 3]); rng.fillNormal(w.data, 0, 0.2);
  const h = b.scope('layer1', () => op.relu(batchNormalization(op.conv(x, b.param('conv/weight', w), null, { pads: [1, 1, 1, 1] }), b.scope('bn', () => batchNormParams(b, 4)))));
  const head = new Tensor('float32', [2, 4, 1, 1]); rng.fillNormal(head.data, 0, 0.5);
  return b.scope('head', () => op.conv(h, b.param('weight', head), b.param('bias', new Tensor('float32', [2]))));
}

describe('the ONNX checker (full_check) accepts', () => {
  it('step graphs with batch norm, each loss family, Adam/SGD, schedules and clipping, and the exported inference model', async () => {
    const models: Uint8Array[] = [];
    const b = new GraphBuilder();
    setTrainingMode(b);
    const x = b.input('image', 'float32', [2, 3, 8, 8]);
    const y = b.input('labels', 'int64', [2, 8, 8]);
    const step = buildTrainingStep({
      builder: b, loss: softmaxCrossEntropy(net(b, x), y, { ignoreIndex: 255, classWeights: [1, 2] }), optimizer: adam({ lr: 1e-3, weightDecay: 1e-4 }),
      schedule: warmupSchedule(cosineSchedule({ totalSteps: 100 }), { steps: 5 }), clipNorm: 1,
    });
    models.push(step.serialize());

    const b2 = new GraphBuilder();
    setTrainingMode(b2);
    const x2 = b2.input('image', 'float32', [2, 3, 8, 8]);
    const m2 = b2.input('mask', 'float32', [2, 2, 8, 8]);
    models.push(buildTrainingStep({ builder: b2, loss: binaryCrossEntropyWithLogits(net(b2, x2), m2), optimizer: sgd({ lr: 0.1, momentum: 0.9, nesterov: true }), stepDtype: 'float32' }).serialize());

    const inf = new GraphBuilder();
    inf.output(net(inf, inf.input('image', 'float32', ['n', 3, 8, 8])), 'logits');
    models.push(exportInferenceModel(inf, step.initialValues()));

    const results = await checkOnnx(models);
    results.forEach((r) => expect(r.error).toBeNull());
  });
});
