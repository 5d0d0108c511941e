import { attrNumber } from '../../builder/attributes';
import type { Value } from '../../builder/value';
import { add, div, mul, reduceMean, reduceSum, sqrt, sub, unsqueeze } from '../../ops';
import { lazy, normAxis, unbroadcast } from '../helpers';
import type { GradRule } from '../types';

/**
 * Backward rules of the normalisation layers. All share one formula: with xhat = (x - mean) * rstd
 * over m elements, dx = rstd * (g - mean(g) - xhat * mean(g * xhat)) where g = dy * scale, which
 * includes the gradient through the batch/instance/layer statistics. Statistics are recomputed
 * in the backward pass (biased variance, as onnxruntime normalises).
 */

interface Stats { xhat: Value; rstd: Value }

/** Mean/variance over `axes` (kept), xhat and 1/sqrt(var + eps). */
function stats(x: Value, axes: number[], eps: number): Stats {
  const mean = reduceMean(x, axes, true);
  const xc = sub(x, mean);
  const variance = reduceMean(mul(xc, xc), axes, true);
  const rstd = div(x.builder.scalar(1, x.dtype), sqrt(add(variance, eps)));
  return { xhat: mul(xc, rstd), rstd };
}

/** dx through normalisation over `axes` given g = dy * scale. */
function normBackward(g: Value, s: Stats, axes: number[]): Value {
  const gm = reduceMean(g, axes, true);
  const gx = reduceMean(mul(g, s.xhat), axes, true);
  return mul(s.rstd, sub(sub(g, gm), mul(s.xhat, gx)));
}

/** A per-channel [C] parameter viewed as [1, C, 1, ...] against an [N, C, ...] tensor. */
const channelView = (p: Value, rank: number): Value => unsqueeze(p, [0, ...Array.from({ length: rank - 2 }, (_, i) => i + 2)]);
const allButChannel = (rank: number): number[] => [0, ...Array.from({ length: rank - 2 }, (_, i) => i + 2)];
const spatial = (rank: number): number[] => Array.from({ length: rank - 2 }, (_, i) => i + 2);

/**
 * BatchNormalization. training_mode=1 normalises with the batch statistics, so dx includes their
 * gradient; the running statistics (outputs 1 and 2) get none, nor do input_mean/input_var. In
 * inference form the given mean/var are constants of the normalisation and get their own gradients.
 */
export const batchNormGrad: GradRule = {
  opType: 'BatchNormalization',
  grad: ({ node }, [dy]) => {
    const [x, scale, , mean, variance] = node.inputs as Value[];
    const eps = attrNumber(node.attributes, 'epsilon', 1e-5);
    const training = attrNumber(node.attributes, 'training_mode', 0) === 1;
    const axes = allButChannel(x.rank);
    const g = dy!;
    if (training) {
      const s = lazy(() => stats(x, axes, eps));
      const scaleV = lazy(() => channelView(scale, x.rank));
      return [
        () => normBackward(mul(g, scaleV()), s(), axes),
        () => reduceSum(mul(g, s().xhat), axes, false),
        () => reduceSum(g, axes, false),
        null,
        null,
      ];
    }
    // inference form: y = scale * (x - mean) * rstd + B with rstd = 1/sqrt(var + eps) fixed
    const rstd = lazy(() => div(x.builder.scalar(1, x.dtype), sqrt(add(variance, eps))));
    const xc = lazy(() => sub(x, channelView(mean, x.rank)));
    const sumG = lazy(() => reduceSum(g, axes, false));
    return [
      () => mul(g, channelView(mul(scale, rstd()), x.rank)),
      () => mul(reduceSum(mul(g, xc()), axes, false), rstd()),
      () => sumG(),
      () => mul(mul(sumG(), mul(scale, rstd())), -1),
      // d/dvar of (var + eps)^-1/2 = -1/2 rstd^3
      () => mul(mul(reduceSum(mul(g, xc()), axes, false), mul(scale, mul(rstd(), mul(rstd(), rstd())))), -0.5),
    ];
  },
};

/** InstanceNormalization: per (n, c) statistics over the spatial axes; scale and B are [C]. */
export const instanceNormGrad: GradRule = {
  opType: 'InstanceNormalization',
  grad: ({ node }, [dy]) => {
    const [x, scale] = node.inputs as Value[];
    const eps = attrNumber(node.attributes, 'epsilon', 1e-5);
    const s = lazy(() => stats(x, spatial(x.rank), eps));
    return [
      () => normBackward(mul(dy!, channelView(scale, x.rank)), s(), spatial(x.rank)),
      () => reduceSum(mul(dy!, s().xhat), allButChannel(x.rank), false),
      () => reduceSum(dy!, allButChannel(x.rank), false),
    ];
  },
};

/**
 * LayerNormalization: statistics over axes [axis, rank); Scale and B broadcast against those
 * trailing dims. Mean/InvStdDev outputs (if emitted) are treated as having no gradient path.
 */
export const layerNormGrad: GradRule = {
  opType: 'LayerNormalization',
  grad: ({ node }, dys) => {
    const [x, scale, bias] = node.inputs as (Value | null)[];
    const dy = dys[0];
    if (!dy) throw new Error(`gradient of '${node.name}': only the normalised output Y carries a gradient (Mean/InvStdDev are statistics)`);
    const eps = attrNumber(node.attributes, 'epsilon', 1e-5);
    const axis = normAxis(attrNumber(node.attributes, 'axis', -1), x!.rank);
    const axes = Array.from({ length: x!.rank - axis }, (_, i) => axis + i);
    const s = lazy(() => stats(x!, axes, eps));
    return [
      () => normBackward(mul(dy, scale!), s(), axes),
      () => unbroadcast(mul(dy, s().xhat), scale!.dims),
      bias ? () => unbroadcast(dy, bias.dims) : null,
    ];
  },
};

/**
 * GroupNormalization: statistics per (n, group) over the group's channels and all spatial axes.
 * Opset 18-20 scale/bias are per group [G], opset 21+ per channel [C].
 */
export const groupNormGrad: GradRule = {
  opType: 'GroupNormalization',
  grad: ({ node, builder }, [dy]) => {
    const [x, scale] = node.inputs as Value[];
    const eps = attrNumber(node.attributes, 'epsilon', 1e-5);
    const groups = attrNumber(node.attributes, 'num_groups', NaN);
    const dims = x.shape;
    const [n, c] = dims;
    const rest = dims.slice(2);
    const perChannel = builder.opset >= 21;
    // view x and dy as [N, G, C/G, spatial...] so the statistics are over axes 2..
    const gdims = [n, groups, c / groups, ...rest];
    const axes = Array.from({ length: gdims.length - 2 }, (_, i) => i + 2);
    const view = (v: Value): Value => builder.node1('Reshape', [v, builder.ints(gdims)]);
    const back = (v: Value): Value => builder.node1('Reshape', [v, builder.ints(dims)]);
    // scale as a [1, G, C/G or 1, 1...] broadcastable view
    const scaleView = (p: Value): Value => builder.node1('Reshape', [p, builder.ints([1, groups, perChannel ? c / groups : 1, ...rest.map(() => 1)])]);
    const s = lazy(() => stats(view(x), axes, eps));
    const sumAxes = perChannel ? [0, ...rest.map((_, i) => i + 3)] : [0, 2, ...rest.map((_, i) => i + 3)];
    const reduceToParam = (v: Value): Value => builder.node1('Reshape', [reduceSum(v, sumAxes, false), builder.ints([perChannel ? c : groups])]);
    return [
      () => back(normBackward(mul(view(dy!), scaleView(scale)), s(), axes)),
      () => reduceToParam(mul(view(dy!), s().xhat)),
      () => reduceToParam(view(dy!)),
    ];
  },
};

export const normalizationGrads: GradRule[] = [batchNormGrad, instanceNormGrad, layerNormGrad, groupNormGrad];
