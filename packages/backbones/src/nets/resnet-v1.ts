import { op, Value } from '@seg/onnx';
import { batchNorm, param, scopedKey } from '../layers';
import type { BackboneSpec, BuildContext } from '../types';

/**
 * Conv (no bias) + BN under hierarchical names: `<scope>/<conv>/weight`,
 * `<scope>/<bn>/{weight,bias,running_mean,running_var}` (torchvision's names with '/' for '.').
 */
function convBn(ctx: BuildContext, root: string, x: Value, names: [string, string], inC: number, out: number, kernel: number, stride: number): Value {
  const [convName, bnName] = names;
  const p = (kernel - 1) / 2;
  const y = ctx.b.scope(convName, () => {
    const w = param(ctx, scopedKey(ctx, root, 'weight'), [out, inC, kernel, kernel], 'weight');
    return op.conv(x, w, null, { strides: [stride, stride], pads: [p, p, p, p] });
  });
  return ctx.b.scope(bnName, () => {
    const k = (n: string) => scopedKey(ctx, root, n);
    const keys = { scale: k('weight'), bias: k('bias'), mean: k('running_mean'), var: k('running_var') };
    const local = { scale: 'weight', bias: 'bias', mean: 'running_mean', var: 'running_var' };
    return batchNorm(ctx, y, out, scopedKey(ctx, root, '').replace(/\/$/, ''), keys, local);
  });
}

/** Basic block: 3x3 conv-BN-ReLU, 3x3 conv-BN, plus the (projected when the shape changes) input, ReLU. */
function basicBlock(ctx: BuildContext, root: string, x: Value, inC: number, out: number, stride: number): Value {
  let y = op.relu(convBn(ctx, root, x, ['conv1', 'bn1'], inC, out, 3, stride));
  y = convBn(ctx, root, y, ['conv2', 'bn2'], out, out, 3, 1);
  const shortcut = stride !== 1 || inC !== out
    ? ctx.b.scope('downsample', () => convBn(ctx, root, x, ['conv', 'bn'], inC, out, 1, stride))
    : x;
  return op.relu(op.add(y, shortcut));
}

const WIDTHS = [64, 128, 256, 512] as const;

/** ResNet v1 with basic blocks (He et al. 2016, "Deep Residual Learning for Image Recognition"), seeded He-normal initialisation. */
function resnetV1(name: string, blocks: readonly number[]): BackboneSpec {
  return {
    name,
    description: `${name.replace('resnet', 'ResNet-')} v1 basic blocks with BN (He et al. 2016), trainable, seeded He-normal initialisation`,
    weightsFolder: null,
    inputChannels: 3,
    normalizeByDefault: true,
    seeded: true,
    taps: {
      stem: { stride: 4, channels: 64, description: '7x7/2 conv-BN-ReLU, 3x3/2 max pool' },
      layer1: { stride: 4, channels: 64, description: `${blocks[0]} basic blocks` },
      layer2: { stride: 8, channels: 128, description: `${blocks[1]} basic blocks` },
      layer3: { stride: 16, channels: 256, description: `${blocks[2]} basic blocks` },
      layer4: { stride: 32, channels: 512, description: `${blocks[3]} basic blocks` },
    },
    defaultTaps: ['layer1', 'layer2', 'layer3', 'layer4'],
    build(ctx, x, taps) {
      const root = ctx.b.currentScope;
      const out: Record<string, Value> = {};
      const done = () => [...taps].every((t) => t in out);
      // Step 1: stem.
      let y = ctx.b.scope('stem', () =>
        op.maxPool(op.relu(convBn(ctx, root, x, ['conv1', 'bn1'], 3, 64, 7, 2)), { kernel: [3, 3], strides: [2, 2], pads: [1, 1, 1, 1] }));
      out.stem = y;
      // Step 2: four stages; the first block of stages 2-4 halves the resolution.
      let c = 64;
      for (let s = 0; s < 4; s++) {
        if (done()) break;
        y = ctx.b.scope(`layer${s + 1}`, () => {
          let h = y;
          for (let k = 0; k < blocks[s]; k++) {
            const inC = c;
            h = ctx.b.scope(`block${k}`, () => basicBlock(ctx, root, h, inC, WIDTHS[s], k === 0 && s > 0 ? 2 : 1));
            c = WIDTHS[s];
          }
          return h;
        });
        out[`layer${s + 1}`] = y;
      }
      return out;
    },
  };
}

export const resnet18 = resnetV1('resnet18', [2, 2, 2, 2]);
export const resnet34 = resnetV1('resnet34', [3, 4, 6, 3]);
