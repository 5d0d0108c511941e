import { Rng, Tensor } from '@seg/tensor';
import { GraphBuilder } from '../builder/graph-builder';
import { op } from '../index';
import { basicBlock, convNormAct, linear } from '../modules';
import { serializeModel } from '../proto/serialize';
import { cutModel } from '../proto/cut';
import { checkOnnx } from './onnx-checker';
import { randn } from './tensors';
import { runAll } from './run-graph';

/** A graph touching most opset-17 ops seg emits, in the shapes the methods use them. */
function kitchenSink(): GraphBuilder {
  const rng = new Rng(0);
  const b = new GraphBuilder({ opset: 17 });
  const x = b.input('image', 'float32', ['batch', 3, 16, 16]);
  const labels = b.input('labels', 'int64', ['batch', 16, 16]);
  const boxes = b.input('boxes', 'float32', ['r', 4]);
  const boxBatch = b.input('box_batch', 'int64', ['r']);
  let f = convNormAct(x, 'stem', { outChannels: 8, kernel: 3, stride: 2 });
  f = basicBlock(f, 'block', { outChannels: 8 });
  const [pooled, idx] = op.maxPoolWithIndices(f, { kernel: [2, 2], strides: [2, 2] });
  const avg = op.averagePool(f, { kernel: [3, 3], pads: [1, 1, 1, 1], strides: [2, 2] });
  const up = op.resize(op.add(pooled, avg), { scales: [1, 1, 4, 4], mode: 'linear', coordinateTransformationMode: 'align_corners' });
  const deconv = op.convTranspose(f, b.param('deconv/weight', randn(rng, [8, 4, 2, 2])), null, { strides: [2, 2] });
  const padded = op.pad(op.slice(deconv, [1, 1], [-1, -1], [2, 3]), [0, 0, 1, 1, 0, 0, 1, 1], { mode: 'reflect' });
  const merged = op.concat([up, padded], 1);
  const logits = op.conv(merged, b.param('head/weight', randn(rng, [5, 12, 1, 1])), b.param('head/bias', new Tensor('float32', [5])));
  const { loss, logProb } = op.softmaxCrossEntropy(logits, labels, { ignoreIndex: 255, withLogProb: true });
  b.output(loss, 'loss');
  b.output(op.argMax(logProb!, 1), 'pred');
  // index ops
  const flat = op.reshape(pooled, [0, 8, -1]);
  const g = op.gather(flat, b.ints([0, 3]), 2);
  const ge = op.gatherElements(flat, op.topk(flat, 2).indices, 2);
  const sc = op.scatterElements(op.mul(flat, 0), op.mod(op.reshape(idx, [0, 8, -1]), 16), flat, 2, 'add');
  const nd = op.scatterND(b.constant(new Tensor('float32', [4, 3])), b.constant(Tensor.fromArray('int64', [3, 1], [1n, 1n, 3n])), b.constant(Tensor.fromArray('float32', [3, 3], new Array(9).fill(1))), 'add');
  const gnd = op.gatherND(nd, b.constant(Tensor.fromArray('int64', [2, 2], [1n, 2n, 3n, 0n])));
  b.output(op.einsum('bcn,bcm->bnm', g, ge), 'einsum');
  b.output(op.reduceSum(sc, [1]), 'scattered');
  b.output(op.cumsum(gnd, 0), 'cumsum');
  // shape and selection ops
  const s = op.shape(x);
  b.output(op.expand(op.constantOfShape(op.slice(s, [0], [1]), 1), [2, 1]), 'expanded');
  b.output(op.where(op.greater(x, 0), x, 0), 'where');
  const [a1, a2] = op.split(f, [3, 5], 1);
  b.output(op.tile(op.sum([op.mean([a1, op.slice(a2, [0], [3], [1])]), a1]), [1, 1, 1, 2]), 'tiled');
  b.output(op.roiAlign(f, boxes, boxBatch, { outputSize: [2, 2], spatialScale: 0.5 }), 'rois');
  b.output(op.nonzero(op.greater(op.reduceMean(f, [2, 3]), 0)), 'nonzero');
  b.output(op.range(0, 5, 1, 'int64', b), 'range');
  b.output(op.dropout(linear(op.flatten(op.globalAveragePool(f)), 'fc', { outFeatures: 3 }), { ratio: 0.1, withMask: true }).output, 'fc');
  b.output(op.mod(op.cast(op.isNaN(logits), 'int64'), 3), 'nan');
  b.output(op.instanceNorm(f, b.param('in/w', new Tensor('float32', [8])), b.param('in/b', new Tensor('float32', [8]))), 'inorm');
  b.output(op.layerNorm(f, b.param('ln/w', new Tensor('float32', [8, 8])), null, 2), 'lnorm');
  b.output(op.oneHot(labels, 5, { axis: 1 }), 'onehot');
  return b;
}

describe('checkOnnx (onnx.checker full_check through /usr/bin/python3)', () => {
  it('accepts builder models (parameters as initializers or inputs, with value_info, cut) and reports an invalid one', async () => {
    const b = kitchenSink();
    const opTypes = new Set(b.nodes.map((n) => n.opType));
    for (const t of ['Conv', 'MaxPool', 'BatchNormalization', 'Resize', 'Pad', 'Slice', 'Gather', 'ScatterElements', 'ScatterND', 'Einsum', 'SoftmaxCrossEntropyLoss', 'ConvTranspose', 'RoiAlign', 'TopK', 'NonZero', 'Dropout', 'LayerNormalization']) {
      expect(opTypes).toContain(t);
    }
    const full = serializeModel(b, { valueInfo: true });
    // An invalid model: Softmax with an axis out of range for its input's rank.
    const bad = new GraphBuilder();
    bad.output(bad.node1('Softmax', [bad.input('x', 'float32', [2, 3])], { axis: 5 }), 'y');
    const results = await checkOnnx([serializeModel(b), serializeModel(b, { parameters: 'inputs' }), full, cutModel(full, ['block/Relu_1']), serializeModel(bad)]);
    expect(results.slice(0, 4).map((r) => r.error)).toEqual([null, null, null, null]);
    expect(results.slice(0, 4).every((r) => r.ok)).toBe(true);
    expect(results[4].ok).toBe(false);
    expect(results[4].error).toMatch(/axis/i);
  });

  it('the same model runs in onnxruntime with every inferred shape matching', async () => {
    const b = kitchenSink();
    const rng = new Rng(1);
    const labels = Tensor.fromArray('int64', [2, 16, 16], Array.from({ length: 512 }, (_, i) => BigInt(i % 7 === 0 ? 255 : i % 5)));
    const { mismatches, values } = await runAll(b, {
      image: randn(rng, [2, 3, 16, 16]), labels,
      boxes: Tensor.fromArray('float32', [3, 4], [0, 0, 8, 8, 2, 2, 10, 12, 4, 0, 16, 16]), box_batch: Tensor.fromArray('int64', [3], [0n, 1n, 1n]),
    });
    expect(mismatches).toEqual([]);
    expect(Number.isFinite(values.loss.data[0] as number)).toBe(true);
  });

  it('names the missing package when the checker cannot run', async () => {
    const saved = process.env.SEG_ONNX_PYTHON;
    process.env.SEG_ONNX_PYTHON = '/nonexistent/python3';
    try {
      await expect(checkOnnx(new Uint8Array([1]))).rejects.toThrow(/install python3-onnx \(apt-get install -y python3-onnx\)/);
    } finally {
      if (saved === undefined) delete process.env.SEG_ONNX_PYTHON; else process.env.SEG_ONNX_PYTHON = saved;
    }
  });
});
