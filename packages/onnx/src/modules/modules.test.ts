import { GraphBuilder } from '../builder/graph-builder';
import { serializeModel } from '../proto/serialize';
import { runAll } from '../testing/run-graph';
import { maxAbsDiff, randn } from '../testing/tensors';
import { Rng } from '@seg/tensor';
import { setTrainingMode } from '../train/model-state';
import { basicBlock, bottleneck, conv2d, convNormAct, fans, Init, linear, setInitSeed } from './index';

function resnetStem(seed: number): GraphBuilder {
  const b = new GraphBuilder();
  setInitSeed(b, seed);
  const x = b.input('x', 'float32', ['n', 3, 16, 16]);
  let y = convNormAct(x, 'stem', { outChannels: 8, kernel: 3, stride: 2 });
  y = b.scope('layer1', () => basicBlock(basicBlock(y, 'block0', { outChannels: 8 }), 'block1', { outChannels: 16, stride: 2 }));
  y = b.scope('layer2', () => bottleneck(y, 'block0', { outChannels: 32, stride: 2 }));
  b.output(y, 'features');
  return b;
}

describe('modules', () => {
  it('builds ResNet blocks with hierarchical torchvision-style names and static shapes', () => {
    const b = resnetStem(1);
    expect(b.outputs[0].dims).toEqual(['n', 32, 2, 2]);
    const names = [...b.parameters.keys()];
    expect(names).toEqual(expect.arrayContaining([
      'stem/conv/weight', 'stem/norm/weight', 'stem/norm/running_var',
      'layer1/block0/conv1/weight', 'layer1/block0/bn1/running_mean', 'layer1/block0/conv2/weight',
      'layer1/block1/downsample/0/weight', 'layer1/block1/downsample/1/bias',
      'layer2/block0/conv3/weight', 'layer2/block0/bn3/weight',
    ]));
    expect(names.some((n) => n.startsWith('layer1/block0/downsample'))).toBe(false);
    expect(b.parameters.get('layer2/block0/conv2/weight')!.tensor.dims).toEqual([8, 8, 3, 3]);
    expect(b.parameters.get('stem/conv/bias')).toBeUndefined();
    expect(b.parameters.get('stem/norm/running_mean')!.trainable).toBe(false);
  });

  it('is deterministic for a seed, differs across seeds, and each parameter depends only on its name', () => {
    expect(serializeModel(resnetStem(5))).toEqual(serializeModel(resnetStem(5)));
    const a = resnetStem(5).parameters.get('layer1/block0/conv1/weight')!.tensor;
    const c = resnetStem(6).parameters.get('layer1/block0/conv1/weight')!.tensor;
    expect(maxAbsDiff(a.data as Float32Array, c.data as Float32Array)).toBeGreaterThan(0.1);
    // A parameter created alone under the same name gets the same values.
    const b = new GraphBuilder(); setInitSeed(b, 5);
    const x = b.input('x', 'float32', [1, 8, 4, 4]);
    b.scope('layer1', () => b.scope('block0', () => conv2d(x, 'conv1', { outChannels: 8, kernel: 3 })));
    expect(b.parameters.get('layer1/block0/conv1/weight')!.tensor.data).toEqual(a.data);
  });

  it('initialises with the documented variances', () => {
    const b = new GraphBuilder();
    const x = b.input('x', 'float32', [1, 64, 4, 4]);
    conv2d(x, 'c', { outChannels: 128, kernel: 3 });
    linear(b.input('f', 'float32', [2, 300]), 'fc', { outFeatures: 200 });
    const w = b.parameters.get('c/weight')!.tensor.data as Float32Array;
    const varOf = (d: Float32Array) => d.reduce((a, v) => a + v * v, 0) / d.length;
    expect(varOf(w) / (2 / fans([128, 64, 3, 3]).fanOut)).toBeCloseTo(1, 1);
    const fc = b.parameters.get('fc/weight')!.tensor.data as Float32Array;
    expect(Math.max(...fc.map(Math.abs))).toBeLessThanOrEqual(Math.sqrt(6 / 500));
    expect(varOf(fc) / (2 / 500)).toBeCloseTo(1, 1); // U(-a, a) has variance a^2 / 3
    expect(fans([10])).toEqual({ fanIn: 10, fanOut: 10 });
  });

  it('linear (Gemm and MatMul forms) and convNormAct match hand-written references in onnxruntime', async () => {
    const rng = new Rng(8);
    const b = new GraphBuilder();
    const x2 = b.input('x2', 'float32', [2, 3]);
    const x3 = b.input('x3', 'float32', [2, 2, 3]);
    const l2 = linear(x2, 'fc', { outFeatures: 4, init: Init.normal(1) });
    const p = b.parameters.get('fc/bias')!.tensor; rng.fillNormal(p.data as Float32Array);
    const l3 = linear(x3, 'fc3', { outFeatures: 4, bias: false });
    const img = b.input('img', 'float32', [1, 2, 4, 4]);
    const cna = convNormAct(img, 'cna', { outChannels: 3, kernel: 3, act: 'leaky_relu', slope: 0.2 });
    // non-trivial running statistics
    const stats = ['weight', 'bias', 'running_mean', 'running_var'].map((n) => b.parameters.get(`cna/norm/${n}`)!.tensor.data as Float32Array);
    stats.forEach((d, k) => d.set(k === 3 ? [0.5, 2, 1.5] : [0.3 * (k + 1), -0.2, 0.1 * k]));
    b.output(l2, 'l2'); b.output(l3, 'l3'); b.output(cna, 'cna');
    expect([l2.dims, l3.dims, cna.dims]).toEqual([[2, 4], [2, 2, 4], [1, 3, 4, 4]]);
    const [x2t, x3t, imgt] = [randn(rng, [2, 3]), randn(rng, [2, 2, 3]), randn(rng, [1, 2, 4, 4])];
    const { values, mismatches } = await runAll(b, { x2: x2t, x3: x3t, img: imgt });
    expect(mismatches).toEqual([]);
    const W = b.parameters.get('fc/weight')!.tensor.data as Float32Array;
    const bias = p.data as Float32Array;
    const ref2: number[] = [];
    for (let i = 0; i < 2; i++) for (let o = 0; o < 4; o++) { let s = bias[o]; for (let k = 0; k < 3; k++) s += x2t.data[i * 3 + k] * W[o * 3 + k]; ref2.push(s); }
    expect(maxAbsDiff(values.l2.data as Float32Array, ref2)).toBeLessThan(1e-5);
    const W3 = b.parameters.get('fc3/weight')!.tensor.data as Float32Array;
    let s = 0; for (let k = 0; k < 3; k++) s += x3t.data[(1 * 2 + 1) * 3 + k] * W3[2 * 3 + k];
    expect(values.l3.get(1, 1, 2)).toBeCloseTo(s, 5);
    // conv (pad 1) -> (y - mean) / sqrt(var + eps) * w + b -> leaky relu(0.2)
    const cw = b.parameters.get('cna/conv/weight')!.tensor.data as Float32Array;
    const [g, be, mu, vr] = stats;
    const ref: number[] = [];
    for (let o = 0; o < 3; o++) for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) {
      let acc = 0;
      for (let c = 0; c < 2; c++) for (let u = 0; u < 3; u++) for (let v = 0; v < 3; v++) {
        const ii = i + u - 1; const jj = j + v - 1;
        if (ii >= 0 && ii < 4 && jj >= 0 && jj < 4) acc += imgt.data[c * 16 + ii * 4 + jj] * cw[((o * 2 + c) * 3 + u) * 3 + v];
      }
      const z = ((acc - mu[o]) / Math.sqrt(vr[o] + 1e-5)) * g[o] + be[o];
      ref.push(z > 0 ? z : 0.2 * z);
    }
    expect(maxAbsDiff(values.cna.data as Float32Array, ref)).toBeLessThan(1e-4);
  });

  it('emits training-form batch norm when the builder is in training mode, and instance norm on request', () => {
    const b = new GraphBuilder();
    setTrainingMode(b);
    const x = b.input('x', 'float32', [2, 3, 4, 4]);
    convNormAct(x, 'a', { outChannels: 4, kernel: 3 });
    convNormAct(x, 'i', { outChannels: 4, kernel: 1, norm: 'instance', act: 'relu6' });
    const bn = b.nodes.find((n) => n.opType === 'BatchNormalization')!;
    expect(bn.attributes.training_mode).toBe(1);
    expect(bn.outputs.length).toBe(3);
    expect(b.nodes.some((n) => n.opType === 'InstanceNormalization')).toBe(true);
    expect(() => conv2d(b.input('v', 'float32', [2, 3, 4]), 'bad', { outChannels: 2, kernel: 3 })).toThrow(/conv2d 'bad': input must be \[N, C, H, W\]/);
    expect(() => convNormAct(x, 'g', { outChannels: 4, kernel: 3, groups: 2 })).toThrow(/not divisible by groups 2/);
  });

  it('zero-initialised residual blocks start as relu(shortcut)', async () => {
    const b = new GraphBuilder();
    const x = b.input('x', 'float32', [1, 4, 5, 5]);
    b.output(basicBlock(x, 'blk', { outChannels: 4, zeroInitResidual: true }), 'y');
    const xt = randn(new Rng(1), [1, 4, 5, 5]);
    const { values } = await runAll(b, { x: xt });
    values.y.toArray().forEach((v, i) => expect(v).toBeCloseTo(Math.max(0, xt.data[i]), 5));
  });
});
