import { Rng } from '@seg/tensor';
import { nodeSessionFactory } from '../node/sessions';
import { PixelTile, PixelTrainer } from './pixel-trainer';

/** A 40x40 tile whose channel 0 is +1 on a diagonal band (the target) and -1 elsewhere, other channels noise. */
function bandTile(seed: number): PixelTile {
  const W = 40; const H = 40; const n = W * H;
  const rng = new Rng(seed);
  const input = new Float32Array(5 * n);
  const targets = new Int8Array(n);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const p = y * W + x;
    const on = Math.abs(x - y - (seed % 7)) < 6;
    targets[p] = on ? 1 : 0;
    input[p] = on ? 1 : -1;
    for (let c = 1; c < 5; c++) input[c * n + p] = rng.normal(0, 0.5);
  }
  return { input, width: W, height: H, targets, ratio: targets.reduce((a, v) => a + v, 0) / n, error: 0.02 };
}

describe('pixel FCN trainer', () => {
  const createSession = nodeSessionFactory(1);

  it('keeps inputs and labels aligned under the flip/transpose augmentation', async () => {
    const trainer = await PixelTrainer.create({ channels: 5, createSession, batch: 6, crop: 16, augment: true, jitter: 0, seed: 3 });
    try {
      const tiles = [bandTile(1), bandTile(2)];
      for (let k = 0; k < 3; k++) {
        const b = trainer.sampleBatch(tiles);
        const x = b.image.data as Float32Array; const t = b.targets.data as Float32Array;
        const S2 = 16 * 16;
        for (let i = 0; i < 6; i++) for (let p = 0; p < S2; p++) expect(x[i * 5 * S2 + p] > 0).toBe(t[i * S2 + p] === 1);
      }
    } finally {
      await trainer.release();
    }
  });

  it('learns a pixel rule from labels and predicts whole tiles of any size', async () => {
    const trainer = await PixelTrainer.create({ channels: 5, createSession, batch: 4, crop: 24, lr: 0.02, augment: true, model: { width: 4, dilations: [1] } });
    try {
      const tiles = [bandTile(1), bandTile(2), bandTile(3)];
      await trainer.train(tiles, 60);
      const test = bandTile(5);
      const p = await trainer.predict(test.input, test.width, test.height);
      expect(p).toHaveLength(40 * 40);
      let right = 0;
      p.forEach((v, i) => { if ((v > 0.5) === (test.targets[i] === 1)) right++; });
      expect(right / p.length).toBeGreaterThan(0.95);
    } finally {
      await trainer.release();
    }
  });
});
