import { Tensor } from '@seg/tensor';
import type { Value } from '../builder/value';
import * as op from '../ops';
import { LossOptions, lossWeight, reduceLoss } from './reduction';

export interface SoftmaxCrossEntropyOptions extends LossOptions {
  /** Label value whose elements contribute neither loss nor weight (PyTorch's ignore_index). */
  ignoreIndex?: number;
  /** One weight per class (PyTorch's `weight`); 'mean' then divides by the summed weights of the labels. */
  classWeights?: readonly number[];
}

/**
 * Softmax cross-entropy over the class axis 1 of logits [N, C, d1, ...] against integer labels
 * [N, d1, ...], as PyTorch's F.cross_entropy (ignore_index, class weights, weighted mean).
 * Built from LogSoftmax and a one-hot mask so that its gradient comes from primitive rules.
 */
export function softmaxCrossEntropy(logits: Value, labels: Value, options: SoftmaxCrossEntropyOptions = {}): Value {
  const b = logits.builder;
  if (logits.rank < 2) throw new Error(`softmaxCrossEntropy: logits must be [N, C, ...], got [${logits.dims.join(', ')}]`);
  const expected = [logits.dims[0], ...logits.dims.slice(2)];
  if (labels.rank !== expected.length || labels.dims.some((d, i) => typeof d === 'number' && typeof expected[i] === 'number' && d !== expected[i])) {
    throw new Error(`softmaxCrossEntropy: labels must be [${expected.join(', ')}] for logits [${logits.dims.join(', ')}], got [${labels.dims.join(', ')}]`);
  }
  if (labels.dtype !== 'int64' && labels.dtype !== 'int32') throw new Error(`softmaxCrossEntropy: labels must be int64 or int32, got ${labels.dtype}`);
  const classes = logits.dims[1];
  if (typeof classes !== 'number') throw new Error('softmaxCrossEntropy: the class axis (1) of the logits must have a static size');
  const trailing = logits.rank - 2;

  // Step 1: log-probabilities over the class axis.
  const logp = op.logSoftmax(logits, 1);
  // Step 2: one-hot labels as a float mask [N, C, ...]; labels outside [0, C) give an all-zero row.
  const labels64 = op.cast(labels, 'int64');
  const classIds = Tensor.fromArray('int64', [1, classes, ...new Array(trailing).fill(1)], Array.from({ length: classes }, (_, c) => BigInt(c)));
  const oneHot = op.cast(op.equal(op.unsqueeze(labels64, [1]), b.constant(classIds)), logits.dtype);
  // Step 3: negative log-likelihood of the labelled class, [N, ...].
  const nll = op.neg(op.reduceSum(op.mul(oneHot, logp), [1]));
  // Step 4: per-element weights: class weight of the label, ignored labels, user weight/mask.
  let weight: Value | undefined;
  if (options.classWeights) {
    if (options.classWeights.length !== classes) throw new Error(`softmaxCrossEntropy: ${options.classWeights.length} class weights for ${classes} classes`);
    const cw = Tensor.fromArray(logits.dtype, [1, classes, ...new Array(trailing).fill(1)], options.classWeights);
    weight = op.reduceSum(op.mul(oneHot, b.constant(cw)), [1]);
  }
  if (options.ignoreIndex !== undefined) {
    const keep = op.cast(op.not(op.equal(labels64, b.scalar(options.ignoreIndex, 'int64'))), logits.dtype);
    weight = weight ? op.mul(weight, keep) : keep;
  }
  if (options.weight) {
    const w = lossWeight(nll, options.weight);
    weight = weight ? op.mul(weight, w) : w;
  }
  // Step 5: reduce (weighted mean when any weight applies).
  return reduceLoss(nll, options.reduction, weight);
}
