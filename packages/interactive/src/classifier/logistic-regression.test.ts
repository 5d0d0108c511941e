import { createNodeSession } from '@seg/runtime/node';
import { Rng } from '@seg/tensor';
import { LogisticRegression } from './logistic-regression';
import { engineProducts, scriptProducts } from './products';

const factory = (bytes: Uint8Array, label: string) => createNodeSession(bytes, { threads: 1 }, label);

function clusters(rng: Rng, n: number, c: number, classes: number) {
  const centres = Array.from({ length: classes }, () => Array.from({ length: c }, () => rng.normal(0, 2)));
  const x = new Float32Array(n * c);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = i % classes;
    for (let k = 0; k < c; k++) x[i * c + k] = centres[y[i]][k] + rng.normal(0, 0.5);
  }
  return { x, y };
}

describe('LogisticRegression trained by the engine', () => {
  it('separates clustered classes and warm-starts across fits', async () => {
    const rng = new Rng(3);
    const train = clusters(rng, 30, 8, 3);
    const lr = new LogisticRegression(factory, { channels: 8, classes: 3, steps: 80 });
    const set = { features: train.x, labels: train.y, weights: new Float32Array(30).fill(1), count: 30 };
    const first = await lr.fit(set);
    const second = await lr.fit(set);
    expect(second).toBeLessThan(first);
    const probs = lr.predict(train.x, 30);
    let correct = 0;
    for (let i = 0; i < 30; i++) {
      const row = Array.from(probs.subarray(i * 3, i * 3 + 3));
      expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
      if (row.indexOf(Math.max(...row)) === train.y[i]) correct++;
    }
    expect(correct).toBe(30);
    await lr.release();
  });

  it('predicts a whole grid through the cell products exactly as row by row', async () => {
    const rng = new Rng(5);
    const train = clusters(rng, 24, 6, 3);
    const lr = new LogisticRegression(factory, { channels: 6, classes: 3, steps: 40 });
    await lr.fit({ features: train.x, labels: train.y, weights: new Float32Array(24).fill(1), count: 24 });
    // a 4 x 6 grid whose cells are the training rows
    const grid = { width: 6, height: 4, channels: 6, data: train.x, imageWidth: 48, imageHeight: 32 };
    const rows = lr.predict(train.x, 24);
    for (const products of [scriptProducts(), engineProducts(factory)]) {
      const dense = await lr.predictGrid(grid, products);
      expect(dense.length).toBe(rows.length);
      for (let i = 0; i < rows.length; i++) expect(dense[i]).toBeCloseTo(rows[i], 5);
      await products.release();
    }
    await expect(lr.predictGrid({ ...grid, channels: 5 }, scriptProducts())).rejects.toThrow(/the grid has 5 channels, the classifier 6/);
    await lr.release();
  });

  it('names a bad class label', async () => {
    const lr = new LogisticRegression(factory, { channels: 2 });
    await expect(lr.fit({ features: new Float32Array(2), labels: Int32Array.from([5]), weights: Float32Array.from([1]), count: 1 })).rejects.toThrow(/sample 0 has class 5; the classifier has 2 classes/);
    await lr.release();
  });
});
