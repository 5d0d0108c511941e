import { attrNumber, attrString } from '../../builder/attributes';
import type { Value } from '../../builder/value';
import { div, mul, sub, transpose } from '../../ops';
import { maskOf, staticDims, unbroadcast } from '../helpers';
import type { GradRule } from '../types';

/** Backward rules of assorted ops: CumSum, Dropout, DepthToSpace/SpaceToDepth, Sum, Mean. */

/** CumSum: the adjoint of a cumulative sum is the cumulative sum in the other direction. */
const cumsumGrad: GradRule = {
  opType: 'CumSum',
  grad: ({ node, builder: b }, [dy]) => [() => b.node1('CumSum', [dy!, node.inputs[1] as Value], {
    exclusive: attrNumber(node.attributes, 'exclusive', 0),
    reverse: 1 - attrNumber(node.attributes, 'reverse', 0),
  }), null],
};

/**
 * Dropout: dx = dy * mask * s with s = 1/(1 - ratio) in training and 1 otherwise. The mask output
 * is required when the node may train (the random draw cannot be repeated in the backward).
 */
const dropoutGrad: GradRule = {
  opType: 'Dropout',
  grad: ({ node, builder: b }, [dy]) => [() => {
    if (!dy) return null;
    const [x, ratio, training] = node.inputs as (Value | null)[];
    const constTraining = training ? b.constantOf(training)?.toArray()[0] : 0;
    if (constTraining === 0) return dy; // inference: identity
    const mask = node.outputs[1];
    if (!mask) throw new Error(`gradient of '${node.name}' needs Dropout's mask output: build it with op.dropout(x, { withMask: true })`);
    const one = b.scalar(1, x!.dtype);
    const keepScale = ratio ? div(one, sub(one, ratio)) : b.scalar(2, x!.dtype);
    const scale = constTraining === 1 ? keepScale : b.node1('Where', [training!, keepScale, one]);
    return mul(dy, mul(maskOf(mask, dy), scale));
  }, null, null],
};

/**
 * DepthToSpace/SpaceToDepth are a Reshape-Transpose-Reshape; the gradient runs the inverse
 * permutation (DepthToSpace DCR: [N, b, b, C', H, W] -> [N, C', H, b, W, b]; CRD: [N, C', b, b, H, W]).
 */
function blockShuffle(dy: Value, x: Value, opType: string, bs: number, mode: string): Value {
  const b = dy.builder;
  const [n, c, h, w] = staticDims(x, `gradient of ${opType}`);
  if (opType === 'DepthToSpace') {
    const cp = c / (bs * bs);
    const g6 = b.node1('Reshape', [dy, b.ints([n, cp, h, bs, w, bs])]);
    // forward perms: DCR [0,3,4,1,5,2] from [N,b,b,C',H,W]; CRD [0,1,4,2,5,3] from [N,C',b,b,H,W]
    const t = mode === 'CRD' ? transpose(g6, [0, 1, 3, 5, 2, 4]) : transpose(g6, [0, 3, 5, 1, 2, 4]);
    return b.node1('Reshape', [t, b.ints([n, c, h, w])]);
  }
  // SpaceToDepth forward: [N,C,H/b,b,W/b,b] -> perm [0,3,5,1,2,4] -> [N, b, b, C, H/b, W/b]
  const g6 = b.node1('Reshape', [dy, b.ints([n, bs, bs, c, h / bs, w / bs])]);
  const t = transpose(g6, [0, 3, 4, 1, 5, 2]);
  return b.node1('Reshape', [t, b.ints([n, c, h, w])]);
}

const depthSpaceGrad = (opType: 'DepthToSpace' | 'SpaceToDepth'): GradRule => ({
  opType,
  grad: ({ node }, [dy]) => [() => blockShuffle(dy!, node.inputs[0] as Value, opType, attrNumber(node.attributes, 'blocksize', NaN), attrString(node.attributes, 'mode', 'DCR'))],
});

const sumGrad: GradRule = {
  opType: 'Sum',
  grad: ({ node }, [dy]) => node.inputs.map((x) => () => unbroadcast(dy!, (x as Value).dims)),
};

const meanGrad: GradRule = {
  opType: 'Mean',
  grad: ({ node }, [dy]) => node.inputs.map((x) => () => unbroadcast(mul(dy!, 1 / node.inputs.length), (x as Value).dims)),
};

export const miscGrads: GradRule[] = [cumsumGrad, dropoutGrad, depthSpaceGrad('DepthToSpace'), depthSpaceGrad('SpaceToDepth'), sumGrad, meanGrad];
