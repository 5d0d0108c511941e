import type { Value } from '../builder/value';
import { Activation, activation } from './activation';
import { conv2d, Conv2dOptions } from './conv2d';
import { Init } from './init';
import { Norm, norm2d } from './norm';

export interface ConvNormActOptions extends Omit<Conv2dOptions, 'bias'> {
  /** 'batch' (default), 'instance' or 'none'; the conv has a bias only without a norm. */
  norm?: Norm;
  act?: Activation;
  /** Negative slope of leaky_relu. */
  slope?: number;
  /** Batch norm: force training/inference form (default: the builder's training mode). */
  training?: boolean;
  momentum?: number;
  epsilon?: number;
}

/**
 * conv -> norm -> activation under scope `name`: parameters `<name>/conv/weight`,
 * `<name>/norm/{weight,bias,running_mean,running_var}` (`<name>/conv/bias` when norm is 'none').
 */
export function convNormAct(x: Value, name: string, o: ConvNormActOptions): Value {
  const b = x.builder;
  const norm = o.norm ?? 'batch';
  const act = o.act ?? 'relu';
  const gain = act === 'leaky_relu' ? Math.sqrt(2 / (1 + (o.slope ?? 0.01) ** 2)) : act === 'none' || act === 'sigmoid' ? 1 : Math.SQRT2;
  return b.scope(name, () => {
    const y = conv2d(x, 'conv', { ...o, bias: norm === 'none', init: o.init ?? Init.kaimingNormal({ gain }) });
    const z = norm2d(y, norm, 'norm', { training: o.training, momentum: o.momentum, epsilon: o.epsilon });
    return activation(z, act, o.slope);
  });
}
