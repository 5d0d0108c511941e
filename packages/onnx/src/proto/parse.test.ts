import { Rng } from '@seg/tensor';
import { GraphBuilder } from '../builder/graph-builder';
import { float } from '../builder/attributes';
import { conv } from '../ops/conv';
import { relu } from '../ops/unary';
import { resize } from '../ops/resize';
import { randn } from '../testing/tensors';
import { parseModel } from './parse';
import { serializeModel } from './serialize';

describe('parseModel', () => {
  const build = () => {
    const b = new GraphBuilder({ opset: 18, name: 'net' });
    const x = b.input('x', 'float32', ['batch', 2, 8, 8]);
    const w = b.param('conv/weight', randn(new Rng(1), [4, 2, 3, 3]));
    const y = relu(conv(x, w, null, { pads: [1, 1, 1, 1] }));
    b.output(resize(y, { scales: [1, 1, 2, 2], mode: 'linear' }), 'up');
    b.node('LeakyRelu', [y], { alpha: float(0.25) });
    return b;
  };

  it('reads opsets, typed inputs/outputs, initializers as tensors and node attributes', () => {
    const b = build();
    const m = parseModel(serializeModel(b, { valueInfo: true }));
    expect(m.opsets).toEqual([{ domain: '', version: 18 }]);
    expect(m.graphName).toBe('net');
    expect(m.producer).toMatch(/^seg/);
    expect(m.inputs).toEqual([{ name: 'x', dtype: 'float32', dims: ['batch', 2, 8, 8] }]);
    expect(m.outputs).toEqual([{ name: 'up', dtype: 'float32', dims: ['batch', 4, 16, 16] }]);
    const w = m.initializers.get('conv/weight')!;
    expect(w.dims).toEqual([4, 2, 3, 3]);
    expect(w.data).toEqual(b.parameters.get('conv/weight')!.tensor.data);
    const convNode = m.nodes.find((n) => n.opType === 'Conv')!;
    expect(convNode.inputs).toEqual(['x', 'conv/weight']);
    expect(convNode.attributes.pads).toEqual([1, 1, 1, 1]);
    const rs = m.nodes.find((n) => n.opType === 'Resize')!;
    expect(rs.inputs[1]).toBe('');
    expect(rs.attributes.mode).toBe('linear');
    expect(m.nodes.find((n) => n.opType === 'LeakyRelu')!.attributes.alpha).toBeCloseTo(0.25);
    expect(m.valueInfo.map((v) => v.name)).toEqual(expect.arrayContaining(['Conv', 'Relu']));
    expect(m.valueInfo.find((v) => v.name === 'Relu')!.dims).toEqual(['batch', 4, 8, 8]);
    // Parameters as inputs are listed as inputs, not initializers.
    const asInputs = parseModel(serializeModel(b, { parameters: 'inputs' }));
    expect(asInputs.inputs.map((i) => i.name)).toEqual(['x', 'conv/weight']);
    expect(asInputs.initializers.has('conv/weight')).toBe(false);
  });

  it('says clearly when the bytes are not an ONNX model', () => {
    expect(() => parseModel(new Uint8Array())).toThrow(/empty \(0 bytes\), not an ONNX model/);
    expect(() => parseModel(new TextEncoder().encode('{"hello": "world"} not a model'))).toThrow(/not an ONNX model.*looks like JSON/);
    expect(() => parseModel(new Uint8Array([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, 0x76, 0]))).toThrow(/not an ONNX model.*\.npy/);
    expect(() => parseModel(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toThrow(/not an ONNX model.*PNG/);
  });
});
