import { Rng, Tensor } from '@seg/tensor';
import { adam, batchNormalization, batchNormParams, binaryCrossEntropyWithLogits, buildTrainingStep, GraphBuilder, nextName, op, setTrainingMode } from '@seg/onnx';
import { createNodeSession } from '@seg/runtime/node';
import { runModelInBrowser } from '@seg/webtest';
import { syntheticShapes } from '../../src';

/**
 * Proof: one training step (conv + batch norm + ReLU + 1x1 head, BCE, autodiff backward and Adam,
 * all in one ONNX graph) gives the same loss and updated parameters in headless Chromium with
 * onnxruntime-web as in onnxruntime-node.
 */
describe('training step in the browser', () => {
  it('matches onnxruntime-node within 1e-4', async () => {
    const rng = new Rng(4);
    const S = 16, N = 4;
    const b = new GraphBuilder();
    setTrainingMode(b);
    const x = b.input('image', 'float32', [N, 1, S, S]);
    const y = b.input('mask', 'float32', [N, 1, S, S]);
    const w1 = new Tensor('float32', [8, 1, 3, 3]); rng.fillNormal(w1.data as Float32Array, 0, 0.5);
    const w2 = new Tensor('float32', [1, 8, 1, 1]); rng.fillNormal(w2.data as Float32Array, 0, 0.3);
    const h = b.scope('layer1', () => {
      const conv = op.conv(x, b.param('conv/weight', w1), null, { pads: [1, 1, 1, 1] });
      return op.relu(b.scope('bn', () => batchNormalization(conv, batchNormParams(b, 8))));
    });
    const logits = b.scope('head', () => op.conv(h, b.param('weight', w2), b.param('bias', new Tensor('float32', [1]))));
    const step = buildTrainingStep({ builder: b, loss: binaryCrossEntropyWithLogits(logits, y), optimizer: adam({ lr: 0.01 }) });
    const data = syntheticShapes({ count: N, size: S, seed: 9 });
    const feeds: Record<string, Tensor> = { image: data.images, mask: data.masks, step: Tensor.fromArray('int64', [], [0]) };
    for (const [k, v] of step.initialValues()) feeds[k] = v;

    const model = step.serialize();
    const node = await (await createNodeSession(model, { threads: 1 })).run(feeds);
    const web = await runModelInBrowser(model, feeds, { label: 'training step' });

    const lossNode = node[step.spec.loss].data[0] as number;
    const lossWeb = web.outputs[step.spec.loss].data[0] as number;
    expect(Number.isFinite(lossNode)).toBe(true);
    expect(Math.abs(lossNode - lossWeb)).toBeLessThan(1e-4);
    for (const c of step.spec.carried) {
      const a = node[nextName(c.input)].data as Float32Array;
      const w = web.outputs[nextName(c.input)].data as Float32Array;
      let maxDiff = 0;
      for (let i = 0; i < a.length; i++) maxDiff = Math.max(maxDiff, Math.abs(a[i] - w[i]));
      expect({ value: c.input, maxDiff: maxDiff < 1e-4 }).toEqual({ value: c.input, maxDiff: true });
    }
  });
});
