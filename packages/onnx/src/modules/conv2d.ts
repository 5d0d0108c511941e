import type { Value } from '../builder/value';
import { conv } from '../ops/conv';
import { Init, Initializer, initParam } from './init';

export interface Conv2dOptions {
  outChannels: number;
  kernel: number | [number, number];
  stride?: number | [number, number];
  /** Symmetric padding per axis; defaults to "same" for odd kernels: dilation * (k - 1) / 2. */
  padding?: number | [number, number];
  dilation?: number | [number, number];
  groups?: number;
  bias?: boolean;
  /** Weight initialiser; Kaiming normal (fan_out, ReLU gain) by default. */
  init?: Initializer;
}

export const pair = (v: number | [number, number]): [number, number] => (typeof v === 'number' ? [v, v] : v);

/**
 * 2-D convolution layer: parameters `<name>/weight` [out, in/groups, kh, kw] and, with bias,
 * `<name>/bias` [out] (zeros). Input [N, C, H, W].
 */
export function conv2d(x: Value, name: string, o: Conv2dOptions): Value {
  const b = x.builder;
  if (x.rank !== 4) throw new Error(`conv2d '${name}': input must be [N, C, H, W], got [${x.dims.join(', ')}]`);
  const cin = x.dims[1];
  if (typeof cin !== 'number') throw new Error(`conv2d '${name}': the channel count of '${x.name}' must be static`);
  const groups = o.groups ?? 1;
  if (cin % groups !== 0 || o.outChannels % groups !== 0) throw new Error(`conv2d '${name}': channels ${cin} -> ${o.outChannels} are not divisible by groups ${groups}`);
  const [kh, kw] = pair(o.kernel);
  const [dh, dw] = pair(o.dilation ?? 1);
  const [ph, pw] = o.padding === undefined ? [(dh * (kh - 1)) >> 1, (dw * (kw - 1)) >> 1] : pair(o.padding);
  return b.scope(name, () => {
    const w = initParam(b, 'weight', [o.outChannels, cin / groups, kh, kw], o.init ?? Init.kaimingNormal());
    const bias = o.bias ? initParam(b, 'bias', [o.outChannels], Init.zeros()) : null;
    return conv(x, w, bias, { strides: pair(o.stride ?? 1), pads: [ph, pw, ph, pw], dilations: [dh, dw], group: groups });
  });
}
