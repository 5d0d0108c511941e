import { createNodeSession } from '@seg/runtime/node';
import type { Tensor } from '@seg/tensor';
import { overlap } from '../metrics/dice';
import { blobImage } from '../synthetic/blobs';
import { TINY_CONFIG } from '../synthetic/tiny-config';
import { WeakPredictor } from './predict-weak';
import { TrainState, trainWeak, TrainSample } from './train-weak';

const createSession = (m: Uint8Array, label: string) => createNodeSession(m, { threads: 1 }, label);


const sample = (seed: number, withMask: boolean): TrainSample & { truth: Uint8Array } => {
  const b = blobImage({ seed, blobs: 6 + (seed % 5), noise: 10 });
  return { name: `blob${seed}`, image: b.image, ratio: b.ratio, mask: withMask ? b.mask : undefined, truth: b.mask };
};

const equalValues = (a: Map<string, Tensor>, b: Map<string, Tensor>): void => {
  expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
  for (const [k, v] of a) expect(Array.from(b.get(k)!.data as Float32Array)).toEqual(Array.from(v.data as Float32Array));
};

describe('method 1 end to end on synthetic blobs', () => {
  // Training images carry only their area ratios (no masks): the flow must find the blobs from them.
  const train = [1, 2, 3, 4, 5, 6].map((s) => sample(s, false));
  const test = [101, 102, 103].map((s) => sample(s, true));
  let states: TrainState[] = [];
  let model: Awaited<ReturnType<typeof trainWeak>>;

  beforeAll(async () => {
    states = [];
    model = await trainWeak(train, TINY_CONFIG, { createSession, onCheckpoint: (s) => { states.push(s); }, checkpointEvery: 20 });
  });

  it('learns the blobs from area ratios alone: high Dice and a close area ratio on unseen images', async () => {
    expect(model.gcn).not.toBeNull();
    expect(model.pixel).not.toBeNull();
    const predictor = await WeakPredictor.create(model, createSession);
    for (const s of test) {
      const p = await predictor.predict(s.image);
      expect(p.mask).toHaveLength(64 * 64);
      expect(overlap(p.mask, s.truth).dice).toBeGreaterThan(0.9);
      expect(overlap(p.superpixel!.mask, s.truth).dice).toBeGreaterThan(0.75);
      expect(Math.abs(p.ratio - s.ratio)).toBeLessThan(0.04);
      expect(p.detail).toBeUndefined();
    }
    // With detail: the GCN's vertex probabilities painted through the label map are the superpixel map (scale 1 here).
    const d = (await predictor.predict(test[0].image, { detail: true })).detail!;
    expect([d.width, d.height, d.labels.length]).toEqual([64, 64, 64 * 64]);
    expect(d.edges.src.length).toBeGreaterThan(d.vertices.count - 1);
    const sp = (await predictor.predict(test[0].image)).superpixel!;
    for (let i = 0; i < d.labels.length; i += 7) expect(sp.probability[i]).toBeCloseTo(d.vertices.probability[d.labels[i]], 6);
    expect(sp.segments).toBe(d.vertices.count);
    await predictor.release();
  });

  it('resumes from a checkpoint to the same model as an uninterrupted run', async () => {
    // States: one per GCN epoch, then pixel checkpoints. Resume from the middle of the GCN stage and of the pixel stage.
    const gcnState = states.find((s) => s.stage === 'gcn' && s.epoch === 2)!;
    const pixelState = states.find((s) => s.stage === 'pixel' && s.round === 1 && s.roundStep === 20)!;
    expect(gcnState).toBeDefined();
    expect(pixelState).toBeDefined();
    const fromGcn = await trainWeak(train, TINY_CONFIG, { createSession, resume: gcnState, checkpointEvery: 20 });
    equalValues(model.gcn!, fromGcn.gcn!);
    equalValues(model.pixel!, fromGcn.pixel!);
    const fromPixel = await trainWeak(train, TINY_CONFIG, { createSession, resume: pixelState, checkpointEvery: 20 });
    equalValues(model.pixel!, fromPixel.pixel!);
  });
});

describe('the cold-start prior', () => {
  it('decides which region the ratios are about: a prior pointing at the background learns the background', async () => {
    const train = [31, 32, 33, 34].map((s) => sample(s, false));
    const test = sample(131, true);
    const dice: Record<string, number> = {};
    for (const prior of ['haematoxylin', 'bright']) {
      const m = await trainWeak(train, { ...TINY_CONFIG, prior, pixel: { enabled: false } }, { createSession });
      const predictor = await WeakPredictor.create(m, createSession);
      dice[prior] = overlap((await predictor.predict(test.image)).mask, test.truth).dice;
      await predictor.release();
    }
    // Both match the training ratios; only the right cue finds the blobs.
    expect(dice.haematoxylin).toBeGreaterThan(0.8);
    expect(dice.bright).toBeLessThan(0.2);
  });
});

describe('the end-to-end FCN branch of the GCN', () => {
  it('trains a per-pixel FCN through the superpixel means together with the GCN', async () => {
    const train = [21, 22, 23, 24].map((s) => sample(s, false));
    const test = sample(121, true);
    const config = { ...TINY_CONFIG, gcn: { ...TINY_CONFIG.gcn, fcn: { enabled: true, width: 4, scale: 1 } }, pixel: { enabled: false } };
    const m = await trainWeak(train, config, { createSession });
    const w = m.gcn!.get('fcn/conv1/weight')!;
    expect(w.dims).toEqual([4, 5, 3, 3]);
    // Its weights moved from their initialisation: gradients reach the FCN through the mean pooling.
    const init = await trainWeak(train, { ...config, gcn: { ...config.gcn, epochs: 1, stepsPerEpoch: 1, lr: 1e-12 } }, { createSession });
    const w0 = init.gcn!.get('fcn/conv1/weight')!.data as Float32Array;
    const moved = (w.data as Float32Array).reduce((a, v, i) => a + Math.abs(v - w0[i]), 0) / w.size;
    expect(moved).toBeGreaterThan(1e-3);
    const predictor = await WeakPredictor.create(m, createSession);
    const p = await predictor.predict(test.image);
    expect(overlap(p.mask, test.truth).dice).toBeGreaterThan(0.75);
    await predictor.release();
  });
});

describe('baselines on synthetic blobs', () => {
  const train = [11, 12, 13, 14].map((s) => sample(s, true));
  const test = sample(111, true);

  it('trains the full-mask upper bound and the size-loss baseline on the same harness', async () => {
    for (const supervision of ['mask', 'size'] as const) {
      const m = await trainWeak(train, { ...TINY_CONFIG, supervision }, { createSession });
      expect(m.config.supervision).toBe(supervision);
      expect(m.gcn === null).toBe(supervision === 'size');
      const predictor = await WeakPredictor.create(m, createSession);
      const p = await predictor.predict(test.image);
      expect(overlap(p.mask, test.truth).dice).toBeGreaterThan(0.85);
      await predictor.release();
    }
  });

  it('rejects a ratio outside [0, 1] and mask supervision without masks', async () => {
    await expect(trainWeak([{ ...train[0], ratio: 1.2 }], TINY_CONFIG, { createSession })).rejects.toThrow(/blob11: area ratio 1.2 is outside \[0, 1\]/);
    await expect(trainWeak([{ ...train[0], mask: undefined }], { ...TINY_CONFIG, supervision: 'mask' }, { createSession })).rejects.toThrow(/blob11 has no mask/);
    await expect(trainWeak([], TINY_CONFIG, { createSession })).rejects.toThrow(/no training images/);
  });
});
