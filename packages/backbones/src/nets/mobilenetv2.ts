import { op, Value } from '@seg/onnx';
import { conv } from '../layers';
import type { BackboneSpec, BuildContext } from '../types';

interface Block { e: number; d: number; p: number; group: number; stride: number; shortcut: boolean; out: number; tap?: string }

/** The zoo model's inverted residual blocks: conv indices, expanded width, stride, shortcut, output width. */
const BLOCKS: readonly Block[] = [
  { e: 5, d: 7, p: 9, group: 96, stride: 2, shortcut: false, out: 24 },
  { e: 10, d: 12, p: 14, group: 144, stride: 1, shortcut: true, out: 24, tap: 'layer1' },
  { e: 16, d: 18, p: 20, group: 144, stride: 2, shortcut: false, out: 32 },
  { e: 21, d: 23, p: 25, group: 192, stride: 1, shortcut: true, out: 32 },
  { e: 27, d: 29, p: 31, group: 192, stride: 1, shortcut: true, out: 32, tap: 'layer2' },
  { e: 33, d: 35, p: 37, group: 192, stride: 2, shortcut: false, out: 64 },
  { e: 38, d: 40, p: 42, group: 384, stride: 1, shortcut: true, out: 64 },
  { e: 44, d: 46, p: 48, group: 384, stride: 1, shortcut: true, out: 64 },
  { e: 50, d: 52, p: 54, group: 384, stride: 1, shortcut: true, out: 64 },
  { e: 56, d: 58, p: 60, group: 384, stride: 1, shortcut: false, out: 96 },
  { e: 61, d: 63, p: 65, group: 576, stride: 1, shortcut: true, out: 96 },
  { e: 67, d: 69, p: 71, group: 576, stride: 1, shortcut: true, out: 96, tap: 'layer3' },
  { e: 73, d: 75, p: 77, group: 576, stride: 2, shortcut: false, out: 160 },
  { e: 78, d: 80, p: 82, group: 960, stride: 1, shortcut: true, out: 160 },
  { e: 84, d: 86, p: 88, group: 960, stride: 1, shortcut: true, out: 160 },
  { e: 90, d: 92, p: 94, group: 960, stride: 1, shortcut: false, out: 320, tap: 'layer4' },
];

/** conv_n with bias, then ReLU6 unless linear. */
function convN(ctx: BuildContext, x: Value, n: number, inC: number, out: number, kernel: number, o: { stride?: number; group?: number; linear?: boolean } = {}): Value {
  const pad = kernel === 3 ? 1 : 0;
  const y = conv(ctx, x, { out, in: inC, kernel, stride: o.stride, pad, group: o.group, bias: true }, { weight: `conv_${n}_weight`, bias: `conv_${n}_bias` });
  return o.linear ? y : op.relu6(y);
}

/** Inverted residual (Sandler et al. 2018): 1x1 expand, 3x3 depthwise, 1x1 linear projection. */
function invertedResidual(ctx: BuildContext, x: Value, k: Block, inC: number): Value {
  let y = convN(ctx, x, k.e, inC, k.group, 1);
  y = convN(ctx, y, k.d, k.group, k.group, 3, { stride: k.stride, group: k.group });
  y = convN(ctx, y, k.p, k.group, k.out, 1, { linear: true });
  return k.shortcut ? op.add(y, x) : y;
}

/** MobileNetV2 feature layers (Sandler et al. 2018, "MobileNetV2: Inverted Residuals and Linear Bottlenecks"). */
export const mobilenetv2: BackboneSpec = {
  name: 'mobilenetv2',
  description: 'MobileNetV2 features (Sandler et al. 2018), ImageNet-pretrained, ONNX model zoo weights',
  weightsFolder: 'mobilenetv2_nchw',
  inputChannels: 3,
  normalizeByDefault: true,
  seeded: false,
  taps: {
    stem: { stride: 2, channels: 16, description: '3x3/2 conv, depthwise 3x3, linear 1x1' },
    layer1: { stride: 4, channels: 24, description: 'after blocks 1-2' },
    layer2: { stride: 8, channels: 32, description: 'after blocks 3-5' },
    layer3: { stride: 16, channels: 96, description: 'after blocks 6-12' },
    layer4: { stride: 32, channels: 320, description: 'after blocks 13-16 (before the last 1x1)' },
    features: { stride: 32, channels: 1280, description: 'final 1x1 conv to 1280 + ReLU6 (the classifier input)' },
  },
  defaultTaps: ['layer1', 'layer2', 'layer3', 'layer4'],
  build(ctx, x, taps) {
    const out: Record<string, Value> = {};
    const done = () => [...taps].every((t) => t in out);
    // Step 1: stem.
    let y = ctx.b.scope('stem', () => {
      const s = convN(ctx, x, 0, 3, 32, 3, { stride: 2 });
      return convN(ctx, convN(ctx, s, 2, 32, 32, 3, { group: 32 }), 4, 32, 16, 1, { linear: true });
    });
    out.stem = y;
    // Step 2: inverted residual blocks, with taps where the resolution is about to drop.
    let c = 16;
    for (let i = 0; i < BLOCKS.length; i++) {
      if (done()) return out;
      const k = BLOCKS[i];
      y = ctx.b.scope(`block${i + 1}`, () => invertedResidual(ctx, y, k, c));
      c = k.out;
      if (k.tap) out[k.tap] = y;
    }
    if (done()) return out;
    // Step 3: the last 1x1 expansion.
    out.features = ctx.b.scope('head', () => convN(ctx, y, 95, 320, 1280, 1));
    return out;
  },
};
