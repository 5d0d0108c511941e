import { Rng, Tensor } from '@seg/tensor';

export interface SbmOptions {
  nodes: number;
  communities: number;
  /** Edge probability inside a community and between two communities. */
  pIn: number;
  pOut: number;
  features: number;
  /** Distance of the community means in feature space relative to the unit noise. */
  featureSignal?: number;
  seed: number;
}

/**
 * A stochastic block model graph (Holland et al. 1983) with noisy community features, for node
 * classification: the GCN-normalised dense adjacency D^-1/2 (A + I) D^-1/2 (Kipf & Welling 2017)
 * [N, N], features [N, F] (community mean + unit Gaussian noise) and labels [N].
 */
export function sbmGraph(o: SbmOptions): { adjacency: Tensor<'float32'>; features: Tensor<'float32'>; labels: Tensor<'int64'>; edges: number } {
  const rng = new Rng(o.seed);
  const N = o.nodes; const K = o.communities; const F = o.features;
  const label = new Int32Array(N);
  for (let i = 0; i < N; i++) label[i] = i % K;
  // shuffle so that communities are not contiguous index ranges
  const perm = rng.permutation(N);
  const community = Int32Array.from(perm, (p) => label[p]);
  // A + I, symmetric
  const a = new Float64Array(N * N);
  let edges = 0;
  for (let i = 0; i < N; i++) {
    a[i * N + i] = 1;
    for (let j = i + 1; j < N; j++) {
      if (rng.random() < (community[i] === community[j] ? o.pIn : o.pOut)) { a[i * N + j] = 1; a[j * N + i] = 1; edges++; }
    }
  }
  const dInvSqrt = new Float64Array(N);
  for (let i = 0; i < N; i++) { let d = 0; for (let j = 0; j < N; j++) d += a[i * N + j]; dInvSqrt[i] = 1 / Math.sqrt(d); }
  const adjacency = new Tensor('float32', [N, N]);
  for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) adjacency.data[i * N + j] = a[i * N + j] * dInvSqrt[i] * dInvSqrt[j];
  // community means: random unit directions scaled by the signal
  const signal = o.featureSignal ?? 1;
  const means = new Float64Array(K * F);
  for (let k = 0; k < K; k++) {
    let norm = 0;
    for (let f = 0; f < F; f++) { means[k * F + f] = rng.normal(); norm += means[k * F + f] ** 2; }
    for (let f = 0; f < F; f++) means[k * F + f] *= signal / Math.sqrt(norm);
  }
  const features = new Tensor('float32', [N, F]);
  for (let i = 0; i < N; i++) for (let f = 0; f < F; f++) features.data[i * F + f] = means[community[i] * F + f] + rng.normal();
  const labels = Tensor.fromArray('int64', [N], Array.from(community, (c) => BigInt(c)));
  return { adjacency, features, labels, edges };
}
