import { op, Value } from '@seg/onnx';
import { batchNorm, conv } from '../layers';
import type { BackboneSpec, BuildContext } from '../types';

const P = 'resnetv24_';

/** BN(p) + optional ReLU with the zoo's `p_gamma, p_beta, p_running_mean, p_running_var`. */
function bn(ctx: BuildContext, x: Value, p: string, channels: number, relu = true): Value {
  const keys = { scale: `${p}_gamma`, bias: `${p}_beta`, mean: `${p}_running_mean`, var: `${p}_running_var` };
  const y = batchNorm(ctx, x, channels, p, keys);
  return relu ? op.relu(y) : y;
}

const conv1x1 = (ctx: BuildContext, x: Value, key: string, inC: number, out: number, stride = 1) =>
  conv(ctx, x, { out, in: inC, kernel: 1, stride }, { weight: `${key}_weight` });
const conv3x3 = (ctx: BuildContext, x: Value, key: string, ch: number, stride = 1) =>
  conv(ctx, x, { out: ch, in: ch, kernel: 3, stride, pad: 1 }, { weight: `${key}_weight` });

/** (bottleneck width, output width, blocks, stride) of stages 1-3. */
const STAGES: readonly [number, number, number, number][] = [[64, 256, 3, 1], [128, 512, 4, 2], [256, 1024, 6, 2]];

/**
 * One pre-activation stage (He et al. 2016, "Identity Mappings in Deep Residual Networks"):
 * BN-ReLU precedes each convolution; the first block projects the shortcut from the activated input.
 */
function stage(ctx: BuildContext, x: Value, s: number, inC: number): Value {
  const [mid, out, blocks, stride] = STAGES[s - 1];
  const p = `${P}stage${s}_`;
  let y = x;
  for (let k = 0; k < blocks; k++) {
    const i = 3 * k; // batchnorm index of the block's first BN; its convolutions are conv{i+1..i+3} (first block: conv0..3)
    y = ctx.b.scope(`block${k}`, () => {
      const c0 = k === 0 ? inC : out;
      const a = bn(ctx, y, `${p}batchnorm${i}`, c0);
      const first = k === 0 ? 0 : i + 1;
      let c = conv1x1(ctx, a, `${p}conv${first}`, c0, mid);
      c = conv3x3(ctx, bn(ctx, c, `${p}batchnorm${i + 1}`, mid), `${p}conv${first + 1}`, mid, k === 0 ? stride : 1);
      c = conv1x1(ctx, bn(ctx, c, `${p}batchnorm${i + 2}`, mid), `${p}conv${first + 2}`, mid, out);
      const shortcut = k === 0 ? conv1x1(ctx, a, `${p}conv3`, c0, out, stride) : y;
      return op.add(c, shortcut);
    });
  }
  return y;
}

/** ResNet-50 v2 stem and stages 1-3, as in the ONNX model zoo's resnet50-v2-7 (stage 4 weights are absent). */
export const resnet50v2: BackboneSpec = {
  name: 'resnet50v2',
  description: 'ResNet-50 v2, pre-activation (He et al. 2016), stages 1-3, ImageNet-pretrained, ONNX model zoo weights',
  weightsFolder: 'resnet50v2_nchw',
  inputChannels: 3,
  normalizeByDefault: true,
  seeded: false,
  taps: {
    stem: { stride: 4, channels: 64, description: 'BN, 7x7/2 conv, BN-ReLU, 3x3/2 max pool' },
    layer1: { stride: 4, channels: 256, description: 'stage 1 (3 bottlenecks), pre-activation output' },
    layer2: { stride: 8, channels: 512, description: 'stage 2 (4 bottlenecks)' },
    layer3: { stride: 16, channels: 1024, description: 'stage 3 (6 bottlenecks)' },
  },
  defaultTaps: ['layer1', 'layer2', 'layer3'],
  build(ctx, x, taps) {
    const out: Record<string, Value> = {};
    const done = () => [...taps].every((t) => t in out);
    // Step 1: stem. The input BN (no ReLU) is part of the zoo model.
    let y = ctx.b.scope('stem', () => {
      const h = conv(ctx, bn(ctx, x, `${P}batchnorm0`, 3, false), { out: 64, in: 3, kernel: 7, stride: 2, pad: 3 }, { weight: `${P}conv0_weight` });
      return op.maxPool(bn(ctx, h, `${P}batchnorm1`, 64), { kernel: [3, 3], strides: [2, 2], pads: [1, 1, 1, 1] });
    });
    out.stem = y;
    // Step 2: stages 1-3, stopping after the deepest requested tap.
    let c = 64;
    for (let s = 1; s <= 3; s++) {
      if (done()) break;
      y = ctx.b.scope(`layer${s}`, () => stage(ctx, y, s, c));
      c = STAGES[s - 1][1];
      out[`layer${s}`] = y;
    }
    return out;
  },
};
