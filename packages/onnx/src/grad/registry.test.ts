import { registeredOps } from '../ops';
import { differentiableOps, getGradRule } from './registry';

describe('gradient rule registry', () => {
  it('covers every op the training graphs of seg need', () => {
    const required = [
      'Add', 'Sub', 'Mul', 'Div', 'Neg', 'Pow', 'Exp', 'Log', 'Sqrt', 'Abs', 'Relu', 'LeakyRelu', 'Sigmoid', 'Tanh', 'Clip', 'Erf',
      'Gelu', 'Softmax', 'LogSoftmax', 'MatMul', 'Gemm', 'Einsum', 'Conv', 'ConvTranspose', 'MaxPool', 'AveragePool',
      'GlobalAveragePool', 'BatchNormalization', 'InstanceNormalization', 'LayerNormalization', 'GroupNormalization', 'Resize',
      'Concat', 'Split', 'Slice', 'Reshape', 'Transpose', 'Squeeze', 'Unsqueeze', 'Expand', 'Tile', 'Pad', 'Gather',
      'GatherElements', 'GatherND', 'ScatterND', 'ScatterElements', 'Where', 'ReduceSum', 'ReduceMean', 'ReduceMax', 'Min', 'Max',
      'Cast', 'Identity', 'Flatten', 'SoftmaxCrossEntropyLoss', 'CumSum', 'Dropout', 'TopK', 'Sum', 'Mean',
    ];
    expect(required.filter((t) => !getGradRule(t))).toEqual([]);
  });

  it('has a rule only for op types the builder can emit', () => {
    const emit = new Set(registeredOps());
    expect(differentiableOps().filter((t) => !emit.has(t))).toEqual([]);
  });
});
