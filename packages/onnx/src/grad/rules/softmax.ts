import { attrNumber } from '../../builder/attributes';
import type { Value } from '../../builder/value';
import { exp, mul, reduceSum, sub } from '../../ops';
import type { GradRule } from '../types';

/** Softmax/LogSoftmax over one axis (opset 13+ semantics). */

/** y = softmax(x): dx = y * (dy - sum(dy * y)). */
export const softmaxGrad: GradRule = {
  opType: 'Softmax',
  grad: ({ node }, [dy]) => [() => {
    const y = node.outputs[0];
    const axis = attrNumber(node.attributes, 'axis', -1);
    return mul(y, sub(dy!, reduceSum(mul(dy!, y), [axis], true)));
  }],
};

/** y = log_softmax(x): dx = dy - exp(y) * sum(dy). */
export const logSoftmaxGrad: GradRule = {
  opType: 'LogSoftmax',
  grad: ({ node }, [dy]) => [() => {
    const y = node.outputs[0] as Value;
    const axis = attrNumber(node.attributes, 'axis', -1);
    return sub(dy!, mul(exp(y), reduceSum(dy!, [axis], true)));
  }],
};

export const softmaxGrads: GradRule[] = [softmaxGrad, logSoftmaxGrad];
