import { op, Value } from '@seg/onnx';
import { conv } from '../layers';
import type { BackboneSpec, BuildContext } from '../types';

/** (squeeze, expand) widths of SqueezeNet 1.1's eight fire modules. */
const FIRES: readonly [number, number][] = [[16, 64], [16, 64], [32, 128], [32, 128], [48, 192], [48, 192], [64, 256], [64, 256]];

const key = (n: number, part: 'weight' | 'bias') => `squeezenet0_conv${n}_${part}`;

function convRelu(ctx: BuildContext, x: Value, n: number, out: number, inC: number, kernel: number, stride = 1, pad = 0): Value {
  return op.relu(conv(ctx, x, { out, in: inC, kernel, stride, pad, bias: true }, { weight: key(n, 'weight'), bias: key(n, 'bias') }));
}

/** Fire module: 1x1 squeeze, then 1x1 and 3x3 expands concatenated on channels. */
function fire(ctx: BuildContext, x: Value, f: number, inC: number): Value {
  const [sq, ex] = FIRES[f - 1];
  const a = 3 * f - 2;
  return ctx.b.scope(`fire${f}`, () => {
    const s = convRelu(ctx, x, a, sq, inC, 1);
    return op.concat([convRelu(ctx, s, a + 1, ex, sq, 1), convRelu(ctx, s, a + 2, ex, sq, 3, 1, 1)], 1);
  });
}

const pool = (x: Value) => op.maxPool(x, { kernel: [3, 3], strides: [2, 2] });

/**
 * SqueezeNet 1.1 (Iandola et al. 2016, "SqueezeNet: AlexNet-level accuracy with 50x fewer
 * parameters"), as in the ONNX model zoo: logits are the globally averaged conv25 activations.
 */
export const squeezenet11: BackboneSpec = {
  name: 'squeezenet1.1',
  description: 'SqueezeNet 1.1 (Iandola et al. 2016), ImageNet-pretrained, ONNX model zoo weights',
  weightsFolder: 'squeezenet1.1_nchw',
  inputChannels: 3,
  normalizeByDefault: true,
  seeded: false,
  taps: {
    conv0: { stride: 2, channels: 64, description: 'first 3x3 stride-2 conv + ReLU' },
    fire2: { stride: 4, channels: 128, description: 'after fire modules 1-2' },
    fire4: { stride: 8, channels: 256, description: 'after fire modules 3-4' },
    fire8: { stride: 16, channels: 512, description: 'after fire modules 5-8' },
    logits: { stride: null, channels: 1000, description: 'ImageNet logits [N, 1000] (pooled conv25 + ReLU, no softmax)' },
  },
  defaultTaps: ['logits'],
  build(ctx, x, taps) {
    const out: Record<string, Value> = {};
    const done = () => [...taps].every((t) => t in out);
    // Step 1: stem (no padding, as in the reference model).
    let y = ctx.b.scope('conv0', () => convRelu(ctx, x, 0, 64, 3, 3, 2));
    out.conv0 = y;
    // Step 2: fire modules between stride-2 max pools.
    const stages: [string, number[]][] = [['fire2', [1, 2]], ['fire4', [3, 4]], ['fire8', [5, 6, 7, 8]]];
    let c = 64;
    for (const [tap, fires] of stages) {
      if (done()) return out;
      y = pool(y);
      for (const f of fires) { y = fire(ctx, y, f, c); c = 2 * FIRES[f - 1][1]; }
      out[tap] = y;
    }
    if (done()) return out;
    // Step 3: classifier conv and global average (AveragePool 13x13 at 224x224; global for any size).
    out.logits = ctx.b.scope('classifier', () => op.flatten(op.globalAveragePool(convRelu(ctx, y, 25, 1000, 512, 1))));
    return out;
  },
};
