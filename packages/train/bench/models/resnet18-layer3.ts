import { Rng, Tensor } from '@seg/tensor';
import { adam, binaryCrossEntropyWithLogits, buildTrainingStep, GraphBuilder, nn, op, setTrainingMode, TrainingStep } from '@seg/onnx';

/**
 * Benchmark (b): ResNet-18 (He et al. 2016) stem through layer3 with batch norm in training mode,
 * a 1x1 head, BCE on logits at stride 16, Adam; mirrors train_steps.py 'resnet18_l3'.
 */
export function resnet18Layer3Step(batch = 4, size = 256): { step: TrainingStep; batch: Record<string, Tensor> } {
  const b = new GraphBuilder();
  setTrainingMode(b);
  const x = b.input('image', 'float32', [batch, 3, size, size]);
  const t = b.input('mask', 'float32', [batch, 1, size / 16, size / 16]);
  let h = nn.convNormAct(x, 'stem', { outChannels: 64, kernel: 7, stride: 2, padding: 3 });
  h = op.maxPool(h, { kernel: [3, 3], strides: [2, 2], pads: [1, 1, 1, 1] });
  const stages: [string, number, number][] = [['layer1', 64, 1], ['layer2', 128, 2], ['layer3', 256, 2]];
  for (const [name, channels, stride] of stages) {
    h = b.scope(name, () => nn.basicBlock(nn.basicBlock(h, '0', { outChannels: channels, stride }), '1', { outChannels: channels }));
  }
  const logits = nn.conv2d(h, 'head', { outChannels: 1, kernel: 1, padding: 0, bias: true });
  const step = buildTrainingStep({ builder: b, loss: binaryCrossEntropyWithLogits(logits, t), optimizer: adam({ lr: 1e-3 }) });
  const rng = new Rng(0);
  const image = new Tensor('float32', [batch, 3, size, size]); rng.fillNormal(image.data);
  const mask = new Tensor('float32', [batch, 1, size / 16, size / 16]); mask.data.forEach((_, i) => { mask.data[i] = rng.random() > 0.5 ? 1 : 0; });
  return { step, batch: { image, mask } };
}
