import { Rng, Tensor } from '@seg/tensor';
import { createNodeSession } from '@seg/runtime/node';
import { GraphBuilder } from './graph-builder';
import { op, serializeModel } from '../index';

describe('GraphBuilder', () => {
  it('names nodes hierarchically and deterministically', () => {
    const build = () => {
      const b = new GraphBuilder();
      const x = b.input('x', 'float32', [1, 3, 8, 8]);
      const y = b.scope('backbone', () => b.scope('stage2', () => op.relu(op.relu(x))));
      b.output(y, 'y');
      return b;
    };
    const b = build();
    expect(b.nodes.map((n) => n.name)).toEqual(['backbone/stage2/Relu', 'backbone/stage2/Relu_1', 'y/Identity']);
    expect(serializeModel(b)).toEqual(serializeModel(build()));
  });

  it('caches constants by content', () => {
    const b = new GraphBuilder();
    expect(b.scalar(2)).toBe(b.scalar(2));
    expect(b.scalar(2)).not.toBe(b.scalar(3));
  });

  it('infers conv and pool shapes and names the node in errors', () => {
    const b = new GraphBuilder();
    const x = b.input('x', 'float32', ['n', 3, 32, 30]);
    const w = b.param('w', new Tensor('float32', [8, 3, 3, 3]));
    const y = op.conv(x, w, null, { strides: [2, 2], pads: [1, 1, 1, 1] });
    expect(y.dims).toEqual(['n', 8, 16, 15]);
    expect(op.maxPool(y, { kernel: [3, 3], strides: [2, 2], ceilMode: true }).dims).toEqual(['n', 8, 8, 7]);
    const bad = b.param('bad', new Tensor('float32', [8, 4, 3, 3]));
    expect(() => b.scope('layer1', () => op.conv(x, bad))).toThrow(/node 'layer1\/Conv'.*3 channels/);
  });

  it('runs a conv-bn-relu graph in onnxruntime-node with parameters as initializers or inputs', async () => {
    const rng = new Rng(1);
    const b = new GraphBuilder();
    const x = b.input('x', 'float32', [1, 2, 5, 5]);
    const wt = new Tensor('float32', [1, 2, 3, 3]);
    rng.fillNormal(wt.data);
    const w = b.param('conv/weight', wt);
    const y = op.relu(op.conv(x, w, null, { pads: [1, 1, 1, 1] }));
    b.output(y, 'y');
    const xt = new Tensor('float32', [1, 2, 5, 5]);
    rng.fillNormal(xt.data);
    // reference convolution
    const ref = new Float32Array(25);
    for (let i = 0; i < 5; i++) for (let j = 0; j < 5; j++) {
      let s = 0;
      for (let c = 0; c < 2; c++) for (let u = 0; u < 3; u++) for (let v = 0; v < 3; v++) {
        const ii = i + u - 1; const jj = j + v - 1;
        if (ii >= 0 && ii < 5 && jj >= 0 && jj < 5) s += xt.data[c * 25 + ii * 5 + jj] * wt.data[c * 9 + u * 3 + v];
      }
      ref[i * 5 + j] = Math.max(0, s);
    }
    const s1 = await createNodeSession(serializeModel(b));
    const out1 = (await s1.run({ x: xt })).y;
    expect(out1.dims).toEqual([1, 1, 5, 5]);
    out1.data.forEach((v, i) => expect(v).toBeCloseTo(ref[i], 4));
    const s2 = await createNodeSession(serializeModel(b, { parameters: 'inputs' }));
    const out2 = (await s2.run({ x: xt, 'conv/weight': wt })).y;
    out2.data.forEach((v, i) => expect(v).toBeCloseTo(out1.data[i] as number, 5));
    await expect(s2.run({ x: xt, 'conv/wieght': wt } as never)).rejects.toThrow(/unknown feed.*conv\/wieght/);
  });
});
