import { GraphBuilder, nn, op, Value } from '@seg/onnx';

/** A small fully convolutional pixel classifier (method 1's pixel-level refinement). */
export interface PixelFcnOptions {
  /** Width of the hidden convolutions (default 16). */
  width?: number;
  /** Dilation of each 3x3 conv (default [1, 2, 4]: receptive field 15 px at working scale, a nucleus and its rim). */
  dilations?: number[];
  seed?: number;
}

export const PIXEL_OPSET = 17;

/**
 * 3x3 convolutions with growing dilation (Yu & Koltun, "Multi-scale context aggregation by dilated
 * convolutions", ICLR 2016), ReLU between, then a 1x1 conv to one foreground logit per pixel.
 * Input [B, C, H, W] (standardised colour/stain planes), output [B, 1, H, W].
 */
export function pixelFcn(x: Value, o: PixelFcnOptions = {}): Value {
  const width = o.width ?? 16;
  const dilations = o.dilations ?? [1, 2, 4];
  if (!Number.isInteger(width) || width < 1) throw new Error(`pixel FCN: width must be a positive integer, got ${width}`);
  if (dilations.length === 0 || dilations.some((d) => !Number.isInteger(d) || d < 1)) throw new Error(`pixel FCN: dilations must be positive integers, got [${dilations.join(', ')}]`);
  const b = x.builder;
  return b.scope('pixel', () => {
    let h = x;
    dilations.forEach((d, i) => {
      h = op.relu(nn.conv2d(h, `conv${i + 1}`, { outChannels: width, kernel: 3, dilation: d, bias: true }));
    });
    return nn.conv2d(h, 'head', { outChannels: 1, kernel: 1, bias: true, init: nn.Init.normal(0.01) });
  });
}

/** A builder holding the FCN on an input named 'image' of the given (possibly symbolic) size. */
export function pixelFcnGraph(name: string, channels: number, dims: { batch: number | string; height: number | string; width: number | string }, o: PixelFcnOptions = {}): { b: GraphBuilder; x: Value; logits: Value } {
  const b = new GraphBuilder({ name, opset: PIXEL_OPSET });
  nn.setInitSeed(b, o.seed ?? 0);
  const x = b.input('image', 'float32', [dims.batch, channels, dims.height, dims.width]);
  return { b, x, logits: pixelFcn(x, o) };
}
