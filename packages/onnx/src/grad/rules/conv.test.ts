import { Rng, Tensor } from '@seg/tensor';
import { createNodeSession } from '@seg/runtime/node';
import { GraphBuilder, op, serializeModel } from '../../index';
import type { ConvOptions, ConvTransposeOptions } from '../../ops';
import { checkGradients, randn } from '../testing/finite-difference';
import { convGeometry, weightGradConvTrick, weightGradIm2col } from './conv';

/**
 * Conv is bilinear in X and W, so central differences are exact up to rounding: float32 (no
 * float64 Conv kernel in onnxruntime) with a large step 0.5 and rtol 1e-3 / atol 1e-3.
 */
const tol = { eps: 0.5, rtol: 1e-3, atol: 1e-3 };

interface Case { name: string; x: number[]; w: number[]; bias?: boolean; o: ConvOptions }
const cases: Case[] = [
  { name: 'stride 1, pad 1 (flipped-weight Conv route, im2col dW)', x: [2, 3, 6, 5], w: [4, 3, 3, 3], bias: true, o: { pads: [1, 1, 1, 1] } },
  { name: 'stride 2, asymmetric pads, leftover rows (ConvTranspose with output_padding)', x: [2, 2, 8, 7], w: [3, 2, 3, 3], o: { strides: [2, 2], pads: [0, 1, 1, 0] } },
  { name: 'stride (2, 3), kernel 2x4', x: [1, 2, 7, 9], w: [2, 2, 2, 4], o: { strides: [2, 3], pads: [1, 0, 0, 2] } },
  { name: 'dilation 2', x: [1, 2, 7, 7], w: [2, 2, 3, 3], o: { dilations: [2, 2], pads: [2, 2, 2, 2] } },
  { name: 'dilation 2 with stride 2', x: [2, 2, 9, 8], w: [3, 2, 3, 2], o: { dilations: [2, 2], strides: [2, 2], pads: [1, 1, 1, 1] } },
  { name: 'group 2 (grouped im2col dW)', x: [2, 4, 6, 6], w: [6, 2, 3, 3], bias: true, o: { group: 2, strides: [2, 2], pads: [1, 1, 1, 1] } },
  { name: 'depthwise 3x3 (Conv-trick dW)', x: [2, 3, 6, 5], w: [3, 1, 3, 3], o: { group: 3, pads: [1, 1, 1, 1] } },
  { name: 'depthwise stride 2 with channel multiplier 2', x: [1, 2, 7, 7], w: [4, 1, 3, 3], o: { group: 2, strides: [2, 2], pads: [1, 1, 1, 1] } },
  { name: '1x1 with bias', x: [2, 3, 4, 4], w: [5, 3, 1, 1], bias: true, o: {} },
  { name: 'auto_pad SAME_UPPER stride 2', x: [1, 2, 7, 6], w: [2, 2, 3, 3], o: { autoPad: 'SAME_UPPER', strides: [2, 2] } },
  { name: '1-D, stride 2', x: [2, 3, 9], w: [4, 3, 3], bias: true, o: { strides: [2], pads: [1, 0] } },
  { name: '3-D', x: [1, 2, 4, 4, 3], w: [2, 2, 2, 3, 2], o: { pads: [1, 0, 1, 0, 1, 0] } },
];

describe('gradients: Conv (float32, central differences)', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const rng = new Rng(c.name.length);
      const inputs: Record<string, Tensor> = { x: randn(rng, 'float32', c.x), w: randn(rng, 'float32', c.w) };
      if (c.bias) inputs.b = randn(rng, 'float32', [c.w[0]]);
      await checkGradients({ inputs, build: (_b, v) => op.conv(v.x, v.w, v.b ?? null, c.o), ...tol });
    });
  }

  const tcases: [string, number[], number[], ConvTransposeOptions, boolean][] = [
    ['ConvTranspose stride 2, pads 1, output_padding 1, bias', [2, 3, 3, 4], [3, 2, 3, 3], { strides: [2, 2], pads: [1, 1, 1, 1], outputPadding: [1, 1] }, true],
    ['ConvTranspose stride 1, asymmetric pads', [1, 2, 4, 4], [2, 3, 3, 2], { pads: [1, 0, 0, 1] }, false],
    ['ConvTranspose group 2, stride (2, 3)', [1, 4, 3, 3], [4, 1, 2, 3], { strides: [2, 3], group: 2 }, true],
    ['ConvTranspose dilation 2, stride 2', [1, 2, 3, 3], [2, 2, 2, 2], { strides: [2, 2], dilations: [2, 2], pads: [1, 1, 0, 0] }, false],
  ];
  for (const [name, xs, ws, o, bias] of tcases) {
    it(name, async () => {
      const rng = new Rng(name.length);
      const inputs: Record<string, Tensor> = { x: randn(rng, 'float32', xs), w: randn(rng, 'float32', ws) };
      if (bias) inputs.b = randn(rng, 'float32', [ws[1] * (o.group ?? 1)]);
      await checkGradients({ inputs, build: (_b, v) => op.convTranspose(v.x, v.w, v.b ?? null, o), ...tol });
    });
  }

  // each case exercises the route the rule does not pick for it
  for (const [group, c, m] of [[1, 3, 4], [3, 3, 3], [2, 4, 6]]) {
    it(`dW by im2col and by the Conv trick agree (group ${group}, ${c} -> ${m} channels)`, async () => {
      const rng = new Rng(9 + group);
      const b = new GraphBuilder();
      const x = b.input('x', 'float32', [2, c, 7, 6]);
      const w = b.input('w', 'float32', [m, c / group, 3, 3]);
      const y = op.conv(x, w, null, { strides: [2, 2], pads: [1, 0, 0, 1], dilations: [1, 2], group });
      const dy = b.input('dy', 'float32', y.shape);
      const geo = convGeometry(b.nodes[b.nodes.length - 1]);
      b.output(weightGradIm2col(x, dy, w, geo), 'a');
      b.output(weightGradConvTrick(x, dy, w, geo), 'c');
      const s = await createNodeSession(serializeModel(b));
      const out = await s.run({ x: randn(rng, 'float32', [2, c, 7, 6]), w: randn(rng, 'float32', [m, c / group, 3, 3]), dy: randn(rng, 'float32', y.shape) });
      await s.release();
      expect(out.a.dims).toEqual([m, c / group, 3, 3]);
      out.a.toArray().forEach((v, i) => expect(Math.abs(v - out.c.toArray()[i])).toBeLessThan(1e-4));
    });
  }
});
