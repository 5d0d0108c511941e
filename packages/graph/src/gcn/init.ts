import { Rng, Tensor } from '@seg/tensor';

/**
 * Glorot/Xavier uniform initialisation (Glorot & Bengio, AISTATS 2010), as in Kipf & Welling's
 * GCN: U(-a, a) with a = sqrt(6 / (fanIn + fanOut)), for an [fanIn, fanOut] weight.
 */
export function glorotUniform(fanIn: number, fanOut: number, rng: Rng): Tensor<'float32'> {
  if (!Number.isInteger(fanIn) || !Number.isInteger(fanOut) || fanIn < 1 || fanOut < 1) {
    throw new Error(`glorotUniform: fan-in and fan-out must be positive integers, got ${fanIn} and ${fanOut}`);
  }
  const a = Math.sqrt(6 / (fanIn + fanOut));
  const t = new Tensor('float32', [fanIn, fanOut]);
  rng.fillUniform(t.data, -a, a);
  return t;
}
