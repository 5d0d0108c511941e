import { Rng, Tensor } from '@seg/tensor';
import { adam, buildTrainingStep, GraphBuilder, op, softmaxCrossEntropy, TrainingStep } from '@seg/onnx';

/** Benchmark (a): 2-layer GCN, dense normalised adjacency as an input, Adam; mirrors train_steps.py 'gcn'. */
export function gcnStep(n = 1024, features = 64, hidden = 64, classes = 2): { step: TrainingStep; batch: Record<string, Tensor> } {
  const rng = new Rng(0);
  // A + I with ~1% random symmetric edges, normalised D^-1/2 (A + I) D^-1/2
  const a = new Float32Array(n * n);
  for (let i = 0; i < n; i++) { a[i * n + i] = 1; for (let j = i + 1; j < n; j++) if (rng.random() < 0.01) { a[i * n + j] = 1; a[j * n + i] = 1; } }
  const dis = new Float32Array(n);
  for (let i = 0; i < n; i++) { let d = 0; for (let j = 0; j < n; j++) d += a[i * n + j]; dis[i] = 1 / Math.sqrt(d); }
  const adjacency = new Tensor('float32', [n, n]);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) adjacency.data[i * n + j] = a[i * n + j] * dis[i] * dis[j];
  const x = new Tensor('float32', [n, features]); rng.fillNormal(x.data);
  const labels = Tensor.fromArray('int64', [n], Array.from({ length: n }, () => BigInt(rng.int(classes))));

  const b = new GraphBuilder();
  const adj = b.input('adjacency', 'float32', [n, n]);
  const xin = b.input('features', 'float32', [n, features]);
  const y = b.input('labels', 'int64', [n]);
  const w = (fin: number, fout: number): Tensor => { const t = new Tensor('float32', [fin, fout]); rng.fillNormal(t.data, 0, 0.1); return t; };
  const layer = (h: typeof xin, name: string, fin: number, fout: number) => b.scope(name, () =>
    op.add(op.matmul(adj, op.matmul(h, b.param('weight', w(fin, fout)))), b.param('bias', new Tensor('float32', [fout]))));
  const logits = layer(op.relu(layer(xin, 'gc1', features, hidden)), 'gc2', hidden, classes);
  const step = buildTrainingStep({ builder: b, loss: softmaxCrossEntropy(logits, y), optimizer: adam({ lr: 0.01 }) });
  return { step, batch: { adjacency, features: x, labels } };
}
