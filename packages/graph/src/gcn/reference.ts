import { Tensor } from '@seg/tensor';
import { denseMatMul } from '../adjacency/matmul';

/**
 * TypeScript reference of the GCN forward pass (no dropout) for checking the ONNX graphs:
 * H_{l+1} = act(Â H_l W_l + b_l) with Â dense [N, N], float64 accumulation.
 */
export function gcnReference(adj: Float32Array, n: number, features: Float32Array, channels: number, params: { weight: Tensor; bias: Tensor | null }[], act: (x: number) => number = (x) => Math.max(0, x)): Float32Array {
  let h = features;
  let fin = channels;
  params.forEach(({ weight, bias }, l) => {
    const [a, fout] = weight.dims;
    if (a !== fin) throw new Error(`gcnReference: layer ${l} weight is [${weight.dims.join(', ')}] but its input has ${fin} columns`);
    const hw = new Float32Array(n * fout);
    const w = weight.data as Float32Array;
    for (let i = 0; i < n; i++) for (let o = 0; o < fout; o++) {
      let s = 0;
      for (let k = 0; k < fin; k++) s += h[i * fin + k] * w[k * fout + o];
      hw[i * fout + o] = s;
    }
    const out = denseMatMul(adj, n, hw, fout);
    const last = l === params.length - 1;
    for (let i = 0; i < n; i++) for (let o = 0; o < fout; o++) {
      const v = out[i * fout + o] + (bias ? (bias.data as Float32Array)[o] : 0);
      out[i * fout + o] = last ? v : act(v);
    }
    h = out; fin = fout;
  });
  return h;
}
