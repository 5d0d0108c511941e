import { Rng, Tensor } from '@seg/tensor';
import {
  adam, batchNormalization, batchNormParams, binaryCrossEntropyWithLogits, buildTrainingStep, cosineSchedule,
  exportInferenceModel, GraphBuilder, op, setTrainingMode, Value, warmupSchedule,
} from '@seg/onnx';
import { createNodeSession } from '@seg/runtime/node';
import { epochBatches, syntheticShapes, Trainer, TrainResult } from '../../src';
import { createStepSession } from '../../src/node';

/**
 * Proof: a small CNN trained by the engine (forward, autodiff backward, Adam, batch norm with
 * running statistics, all in one ONNX step graph per step) segments bright discs and rectangles
 * on noise with IoU >= 0.95 on held-out images, and two runs with one seed are identical.
 */
const [S, BATCH, TRAIN, TEST, STEPS] = [32, 16, 256, 64, 150];

function net(b: GraphBuilder, x: Value, seed: number): Value {
  const rng = new Rng(seed);
  const he = (dims: number[]): Tensor => {
    const t = new Tensor('float32', dims);
    rng.fillNormal(t.data, 0, Math.sqrt(2 / (dims[1] * dims[2] * dims[3])));
    return t;
  };
  const layer = (h: Value, name: string, cin: number, cout: number, dilation: number, bn: boolean): Value => b.scope(name, () => {
    const w = b.param('conv/weight', he([cout, cin, 3, 3]));
    const y = op.conv(h, w, bn ? null : b.param('conv/bias', new Tensor('float32', [cout])), { pads: [dilation, dilation, dilation, dilation], dilations: [dilation, dilation] });
    return op.relu(bn ? b.scope('bn', () => batchNormalization(y, batchNormParams(b, cout))) : y);
  });
  // receptive field 1 + 2 (1 + 1 + 2 + 4) = 17 pixels: enough to see across a shape's edge
  let h = layer(x, 'layer1', 1, 16, 1, true);
  h = layer(h, 'layer2', 16, 16, 1, false);
  h = layer(h, 'layer3', 16, 16, 2, false);
  h = layer(h, 'layer4', 16, 16, 4, false);
  return b.scope('head', () => op.conv(h, b.param('weight', he([1, 16, 1, 1])), b.param('bias', new Tensor('float32', [1]))));
}

/** IoU of (logits > 0) against masks over a whole set. */
function iou(logits: Tensor, masks: Tensor): number {
  let inter = 0; let union = 0;
  for (let i = 0; i < masks.size; i++) {
    const p = (logits.data[i] as number) > 0; const m = masks.data[i] > 0.5;
    if (p && m) inter++;
    if (p || m) union++;
  }
  return inter / union;
}

async function train(seed: number): Promise<{ result: TrainResult; testIou: number }> {
  const data = syntheticShapes({ count: TRAIN, size: S, seed: 1000 + seed });
  const test = syntheticShapes({ count: TEST, size: S, seed: 5000 + seed });
  // training graph: batch statistics, BCE on logits
  const b = new GraphBuilder();
  setTrainingMode(b);
  const x = b.input('image', 'float32', [BATCH, 1, S, S]);
  const y = b.input('mask', 'float32', [BATCH, 1, S, S]);
  const loss = binaryCrossEntropyWithLogits(net(b, x, seed), y);
  const step = buildTrainingStep({
    builder: b, loss, optimizer: adam({ lr: 0.01 }),
    schedule: warmupSchedule(cosineSchedule({ totalSteps: STEPS, minFactor: 0.05 }), { steps: 10, startFactor: 0.1 }),
  });
  // inference graph: the same names, running statistics, whole test set in one batch
  const inf = new GraphBuilder();
  inf.output(net(inf, inf.input('image', 'float32', [TEST, 1, S, S]), seed), 'logits');

  const order = epochBatches({ size: TRAIN, batchSize: BATCH, seed });
  const pixels = S * S;
  const batch = (k: number): Record<string, Tensor> => {
    const image = new Tensor('float32', [BATCH, 1, S, S]); const mask = new Tensor('float32', [BATCH, 1, S, S]);
    order(k).forEach((e, i) => {
      image.data.set(data.images.data.subarray(e * pixels, (e + 1) * pixels), i * pixels);
      mask.data.set(data.masks.data.subarray(e * pixels, (e + 1) * pixels), i * pixels);
    });
    return { image, mask };
  };
  const session = await createStepSession(step, { threads: 1 });
  let testIou = NaN;
  const result = await new Trainer({
    spec: step.spec, session, initial: step.initialValues(), data: batch, steps: STEPS, seed,
    evaluate: {
      every: STEPS, metric: 'iou',
      async run({ values }) {
        const s = await createNodeSession(exportInferenceModel(inf, values), { threads: 1 });
        testIou = iou((await s.run({ image: test.images })).logits, test.masks);
        await s.release();
        return { iou: testIou };
      },
    },
  }).run();
  await session.release();
  return { result, testIou };
}

describe('proof: CNN segmentation trained by the engine', () => {
  it('reaches IoU >= 0.95 on held-out synthetic images, deterministically', async () => {
    const a = await train(1);
    expect(a.testIou).toBeGreaterThanOrEqual(0.95);
    expect(a.result.losses[STEPS - 1]).toBeLessThan(a.result.losses[0] / 5);
    const b = await train(1);
    expect(b.result.losses).toEqual(a.result.losses);
    expect(b.testIou).toBe(a.testIou);
    process.stderr.write(`cnn proof: test IoU ${a.testIou.toFixed(4)}, loss ${a.result.losses[0].toFixed(4)} -> ${a.result.losses[STEPS - 1].toFixed(4)}\n`);
  }, 600_000); // two full trainings: ~15 s alone, several minutes while the whole suite shares 2 cores
});
