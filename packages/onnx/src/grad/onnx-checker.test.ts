import { Tensor } from '@seg/tensor';
import { GraphBuilder, float, grad, op, serializeModel } from '../index';
import type { Value } from '../index';
import { checkOnnx } from '../testing/onnx-checker';

/**
 * The official ONNX checker (full_check: strict shape inference, python3-onnx 1.12, opsets <= 17)
 * accepts the backward graphs of every rule family: emitted attributes, input forms and shapes
 * are valid ONNX, not merely something onnxruntime tolerates.
 */
function model(inputs: Record<string, [string, number[]]>, build: (b: GraphBuilder, v: Record<string, Value>) => Value): Uint8Array {
  const b = new GraphBuilder({ opset: 17 });
  const v: Record<string, Value> = {};
  for (const [name, [dtype, dims]] of Object.entries(inputs)) v[name] = b.input(name, dtype as 'float32', dims);
  const y = build(b, v);
  const floats = Object.keys(inputs).filter((k) => inputs[k][0] === 'float32');
  const loss = y.rank === 0 ? y : op.reduceSum(op.mul(y, y));
  grad(loss, floats.map((k) => v[k])).forEach((g, i) => b.output(g, `d_${floats[i]}`));
  return serializeModel(b);
}

describe('the ONNX checker accepts backward graphs', () => {
  it('of every rule family', async () => {
    const f = (dims: number[]): [string, number[]] => ['float32', dims];
    const models = [
      model({ a: f([2, 3]), b: f([3]), c: f([2, 1]) }, (_b, v) => op.add(op.div(op.mul(op.sub(v.a, v.b), v.c), op.add(op.abs(v.b), 1)), op.max(op.pow(op.abs(v.a), v.c), v.b))),
      model({ x: f([2, 3]) }, (b, v) => op.sum([op.exp(v.x), op.log(op.add(op.abs(v.x), 1)), op.sqrt(op.add(op.abs(v.x), 1)), op.relu(v.x), op.leakyRelu(v.x), op.sigmoid(v.x),
        op.tanh(v.x), op.clip(v.x, -1, 1), op.erf(v.x), op.softplus(v.x), b.node1('Elu', [v.x], { alpha: float(1) }), b.node1('HardSigmoid', [v.x]), op.neg(v.x), op.reciprocal(op.add(op.abs(v.x), 1))])),
      model({ x: f([2, 3, 4]), w: f([4, 5]), g: f([5, 3]), c: f([3]) }, (_b, v) => op.add(op.gemm(op.reshape(op.matmul(v.x, v.w), [6, 5]), v.g, v.c), op.reduceMean(op.einsum('bij,jk->bik', v.x, v.w)))),
      model({ x: f([2, 4, 7, 7]), w: f([6, 2, 3, 3]), bias: f([6]), t: f([6, 2, 2, 2]) }, (_b, v) => op.convTranspose(op.conv(v.x, v.w, v.bias, { strides: [2, 2], pads: [1, 1, 1, 1], group: 2 }), v.t, null, { strides: [2, 2] })),
      model({ x: f([1, 3, 6, 6]), w: f([4, 3, 3, 3]) }, (_b, v) => op.conv(v.x, v.w, null, { pads: [1, 1, 1, 1] })),
      model({ x: f([2, 3, 6, 6]) }, (_b, v) => op.add(op.averagePool(op.maxPool(v.x, { kernel: [2, 2], strides: [2, 2] }), { kernel: [3, 3], pads: [1, 1, 1, 1] }), op.globalAveragePool(v.x))),
      model({ x: f([2, 3, 4, 4]), s: f([3]), b: f([3]) }, (b, v) => {
        const bn = op.batchNormTraining(v.x, v.s, v.b, b.constant(new Tensor('float32', [3])), b.constant(Tensor.fromArray('float32', [3], [1, 1, 1]))).y;
        return op.layerNorm(op.instanceNorm(bn, v.s, v.b), op.reshape(v.s, [3, 1, 1]), null, 1);
      }),
      model({ x: f([1, 2, 3, 4]) }, (_b, v) => op.add(op.resize(v.x, { scales: [1, 1, 2, 2], mode: 'linear' }), op.resize(v.x, { scales: [1, 1, 2, 2], mode: 'nearest' }))),
      model({ x: f([2, 3, 4]) }, (_b, v) => {
        const [p, q] = op.split(v.x, [1, 2], 1);
        const t = op.slice(op.transpose(op.concat([q, p], 1), [0, 2, 1]), [0], [3], [2], [2]); // [2, 4, 2]
        const r = op.squeeze(op.unsqueeze(op.pad(op.flatten(t, 2), [0, 1, 0, 1], { mode: 'reflect' }), [0]), [0]); // [8, 4]
        return op.tile(op.expand(r, [2, 8, 4]), [1, 1, 2]);
      }),
      model({ x: f([4, 3]), u: f([2, 3]), c: ['bool', [4, 3]], i: ['int64', [2]], j: ['int64', [2, 1]] }, (_b, v) => {
        const g = op.gather(v.x, v.i, 0);
        const s = op.scatterND(v.x, v.j, v.u);
        const e = op.gatherElements(v.x, op.cast(op.greater(v.x, 0), 'int64'), 1);
        return op.add(op.reduceSum(op.topk(op.where(v.c, s, e), 2, { axis: 1 }).values), op.reduceSum(op.add(g, op.gatherND(v.x, v.j))));
      }),
      model({ x: f([3, 4]), l: ['int64', [3]] }, (_b, v) => op.add(op.softmaxCrossEntropy(v.x, v.l, { ignoreIndex: 2 }).loss, op.reduceMax(op.add(op.softmax(v.x), op.logSoftmax(op.cumsum(v.x, 1)))))),
    ];
    const results = await checkOnnx(models);
    results.forEach((r, i) => expect({ model: i, error: r.error }).toEqual({ model: i, error: null }));
  });
});
