import { Rng, Tensor } from '@seg/tensor';
import { adam, binaryCrossEntropyWithLogits, buildTrainingStep, freezeParameters, GraphBuilder, nn, op, TrainingStep, Value } from '@seg/onnx';

/**
 * Residual generator in the style of Johnson et al. 2016 / CycleGAN: 7x7 conv, two stride-2
 * convs to 64 channels, six residual blocks of 64, two nearest x2 up-sampling + conv stages, a 7x7
 * conv and tanh; instance norm throughout. Mirrors train_steps.py's generator().
 */
export function generator(x: Value): Value {
  const b = x.builder;
  return b.scope('gen', () => {
    let h = nn.convNormAct(x, 'c7', { outChannels: 16, kernel: 7, norm: 'instance' });
    h = nn.convNormAct(h, 'down1', { outChannels: 32, kernel: 3, stride: 2, norm: 'instance' });
    h = nn.convNormAct(h, 'down2', { outChannels: 64, kernel: 3, stride: 2, norm: 'instance' });
    for (let i = 0; i < 6; i++) {
      h = b.scope(`res${i}`, () => {
        const y = nn.convNormAct(h, 'conv1', { outChannels: 64, kernel: 3, norm: 'instance' });
        return op.add(h, nn.instanceNorm2d(nn.conv2d(y, 'conv2', { outChannels: 64, kernel: 3 }), 'norm2'));
      });
    }
    h = nn.convNormAct(op.resize(h, { scales: [1, 1, 2, 2], mode: 'nearest' }), 'up1', { outChannels: 32, kernel: 3, norm: 'instance' });
    h = nn.convNormAct(op.resize(h, { scales: [1, 1, 2, 2], mode: 'nearest' }), 'up2', { outChannels: 16, kernel: 3, norm: 'instance' });
    return op.tanh(nn.conv2d(h, 'out', { outChannels: 3, kernel: 7, bias: true }));
  });
}

/** 70x70 PatchGAN discriminator (Isola et al. 2017, pix2pix): 4x4 convs 64-128-256-512, leaky ReLU 0.2. */
export function discriminator(x: Value): Value {
  const b = x.builder;
  return b.scope('disc', () => {
    let h = nn.convNormAct(x, 'c1', { outChannels: 64, kernel: 4, stride: 2, padding: 1, norm: 'none', act: 'leaky_relu', slope: 0.2 });
    h = nn.convNormAct(h, 'c2', { outChannels: 128, kernel: 4, stride: 2, padding: 1, norm: 'instance', act: 'leaky_relu', slope: 0.2 });
    h = nn.convNormAct(h, 'c3', { outChannels: 256, kernel: 4, stride: 2, padding: 1, norm: 'instance', act: 'leaky_relu', slope: 0.2 });
    h = nn.convNormAct(h, 'c4', { outChannels: 512, kernel: 4, stride: 1, padding: 1, norm: 'instance', act: 'leaky_relu', slope: 0.2 });
    return nn.conv2d(h, 'out', { outChannels: 1, kernel: 4, padding: 1, bias: true });
  });
}

const image = (seed: number, size: number): Tensor<'float32'> => { const t = new Tensor('float32', [1, 3, size, size]); new Rng(seed).fillNormal(t.data); return t; };

/** Benchmark (c), generator step: BCE(D(G(x)), 1) through a frozen discriminator, Adam on G. */
export function ganGeneratorStep(size = 256): { step: TrainingStep; batch: Record<string, Tensor> } {
  const b = new GraphBuilder();
  const x = b.input('input', 'float32', [1, 3, size, size]);
  const score = discriminator(generator(x));
  freezeParameters(b, (n) => n.startsWith('disc/'));
  const ones = b.constant(Tensor.fromArray('float32', score.shape, new Array(score.shape.reduce((a, d) => a * d, 1)).fill(1)));
  const step = buildTrainingStep({ builder: b, loss: binaryCrossEntropyWithLogits(score, ones), optimizer: adam({ lr: 2e-4, beta1: 0.5 }) });
  return { step, batch: { input: image(1, size) } };
}

/** Benchmark (c), discriminator step: 0.5 (BCE(D(real), 1) + BCE(D(fake), 0)), Adam on D. */
export function ganDiscriminatorStep(size = 256): { step: TrainingStep; batch: Record<string, Tensor> } {
  const b = new GraphBuilder();
  const real = b.input('real', 'float32', [1, 3, size, size]);
  const fake = b.input('fake', 'float32', [1, 3, size, size]);
  // one discriminator applied to both images: real and fake stacked on the batch axis
  const scores = discriminator(op.concat([real, fake], 0));
  const n = scores.shape.slice(1).reduce((a, d) => a * d, 1);
  const target = b.constant(Tensor.fromArray('float32', scores.shape, [...new Array(n).fill(1), ...new Array(n).fill(0)]));
  const step = buildTrainingStep({ builder: b, loss: binaryCrossEntropyWithLogits(scores, target), optimizer: adam({ lr: 2e-4, beta1: 0.5 }) });
  const fakeImage = image(3, size);
  fakeImage.data.forEach((v, i) => { fakeImage.data[i] = Math.tanh(v); });
  return { step, batch: { real: image(2, size), fake: fakeImage } };
}
