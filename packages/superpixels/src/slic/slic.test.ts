import { Rng } from '@seg/tensor';
import { srgbToLab } from '../color/srgb-to-lab';
import { boundaryMask } from '../labels/boundaries';
import { boundaryRecall } from '../metrics/boundary-recall';
import { undersegmentationError } from '../metrics/undersegmentation-error';
import { componentsPerLabel, shapesImage } from '../testing/synthetic';
import { FeatureMap, LabelMap } from '../types';
import { seedGrid } from './seeds';
import { slic, slicCoarse, slicImage } from './slic';
import { SlicWorkspace } from './workspace';

/** Labels are exactly 0..count-1 and each is a single 4-connected region. */
function expectValidSuperpixels(map: LabelMap): void {
  const comps = componentsPerLabel(map.labels, map.width, map.height);
  expect(comps.length).toBe(map.count);
  for (let k = 0; k < map.count; k++) expect(comps[k]).toBe(1);
}

describe('slicImage on synthetic images', () => {
  const { image, truth } = shapesImage(160, 120, 4);

  it.each([[16], [64], [200]])('%i segments: contiguous labels, each one 4-connected region, count within 25%%', (segments) => {
    const map = slicImage(image, { segments });
    expect(map.width).toBe(160);
    expect(map.height).toBe(120);
    expect(map.labels.length).toBe(160 * 120);
    expectValidSuperpixels(map);
    expect(map.count).toBeGreaterThanOrEqual(0.75 * segments);
    expect(map.count).toBeLessThanOrEqual(1.25 * segments);
  });

  it('recovers the boundaries of a piecewise-constant image of rectangles and discs', () => {
    const map = slicImage(image, { segments: 200, compactness: 10 });
    expect(boundaryRecall(map.labels, truth, 160, 120, 2)).toBeGreaterThan(0.99);
    expect(undersegmentationError(map.labels, truth)).toBeLessThan(0.02);
  });

  it('is deterministic', () => {
    const a = slicImage(image, { segments: 100 });
    const b = slicImage(image, { segments: 100, workspace: new SlicWorkspace() });
    expect(b.count).toBe(a.count);
    expect(Array.from(b.labels)).toEqual(Array.from(a.labels));
  });

  it.each([[1], [3]])('subsample %i (plain SLIC, coarser start) gives valid superpixels that follow the shapes', (subsample) => {
    const map = slicImage(image, { segments: 200, subsample });
    expectValidSuperpixels(map);
    expect(boundaryRecall(map.labels, truth, 160, 120, 2)).toBeGreaterThan(0.99);
  });

  it('coarse iterations handle partial blocks and tiny images', () => {
    const odd = shapesImage(161, 121, 4);
    const map = slicImage(odd.image, { segments: 150, subsample: 3 });
    expectValidSuperpixels(map);
    expect(boundaryRecall(map.labels, odd.truth, 161, 121, 2)).toBeGreaterThan(0.98);
    const thin = slicImage({ data: new Uint8Array(15).fill(7).map((v, i) => (i < 6 ? v : 200)), width: 1, height: 5, channels: 3 }, { segments: 2 });
    // Two dark pixels over three bright ones (a 1x5 grid gets 3 seeds): the edge is kept.
    expectValidSuperpixels(thin);
    expect(thin.labels[0]).toBe(thin.labels[1]);
    expect(thin.labels[2]).not.toBe(thin.labels[1]);
  });

  it('down-sampled run (scale 0.5) maps labels back to full resolution', () => {
    const map = slicImage(image, { segments: 150, scale: 0.5 });
    expect(map.width).toBe(160);
    expect(map.labels.length).toBe(160 * 120);
    expectValidSuperpixels(map);
    expect(map.count).toBeGreaterThanOrEqual(0.75 * 150);
    expect(boundaryRecall(map.labels, truth, 160, 120, 2)).toBeGreaterThan(0.95);
  });

  it('more compactness gives more regular superpixels (less boundary per superpixel)', () => {
    // Boundary pixels / sqrt(pixels * count): mean perimeter over sqrt(mean area), scale-free.
    const irregularity = (m: LabelMap) => boundaryMask(m.labels, m.width, m.height).reduce((a, v) => a + v, 0) / Math.sqrt(m.labels.length * m.count);
    const noisy = shapesImage(160, 120, 8).image;
    expect(irregularity(slicImage(noisy, { segments: 100, compactness: 40 }))).toBeLessThan(0.8 * irregularity(slicImage(noisy, { segments: 100, compactness: 5 })));
  });

  it('without connectivity enforcement still returns contiguous labels', () => {
    const map = slicImage(image, { segments: 64, enforceConnectivity: false });
    const seen = new Set(map.labels);
    expect(seen.size).toBe(map.count);
    expect(Math.max(...seen)).toBe(map.count - 1);
  });
});

describe('slic on feature maps', () => {
  it('clusters a C-channel map (C = 5) whose regions differ in one channel only', () => {
    const w = 80;
    const h = 60;
    const rng = new Rng(5);
    const data = new Float32Array(5 * w * h);
    const truth = new Int32Array(w * h);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const inside = (x - 50) ** 2 + (y - 30) ** 2 < 18 ** 2 ? 1 : 0;
        truth[y * w + x] = inside;
        for (let c = 0; c < 5; c++) data[c * w * h + y * w + x] = (c === 3 ? 40 * inside : 7) + rng.normal(0, 1);
      }
    }
    const features: FeatureMap = { data, channels: 5, width: w, height: h };
    const map = slic(features, { segments: 60 });
    expectValidSuperpixels(map);
    expect(boundaryRecall(map.labels, truth, w, h, 2)).toBeGreaterThan(0.95);
  });

  it('Lab through slic() equals slicImage()', () => {
    const { image } = shapesImage(64, 48, 6);
    const a = slicImage(image, { segments: 40 });
    const b = slic(srgbToLab(image), { segments: 40 });
    expect(Array.from(b.labels)).toEqual(Array.from(a.labels));
  });

  it('slicCoarse runs on a stride-4 map and returns image-resolution labels', () => {
    const { image, truth } = shapesImage(160, 120, 3);
    const lab = srgbToLab(image);
    // A stride-4 "network output": every 4th pixel of the Lab image.
    const w = 40;
    const h = 30;
    const coarse = new Float32Array(3 * w * h);
    for (let c = 0; c < 3; c++) for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) coarse[c * w * h + y * w + x] = lab.data[c * 160 * 120 + (4 * y + 2) * 160 + 4 * x + 2];
    const map = slicCoarse({ data: coarse, channels: 3, width: w, height: h }, 160, 120, { segments: 60 });
    expect(map.labels.length).toBe(160 * 120);
    expectValidSuperpixels(map);
    expect(boundaryRecall(map.labels, truth, 160, 120, 3)).toBeGreaterThan(0.9);
    const again = slicCoarse({ data: coarse, channels: 3, width: w, height: h }, 160, 120, { segments: 60, connectivityAfterUpsampling: true });
    expectValidSuperpixels(again);
  });
});

describe('seed grid and errors', () => {
  it('the grid has about the requested number of cells, of roughly square shape', () => {
    expect(seedGrid(512, 512, 1024)).toEqual({ nx: 32, ny: 32, stepX: 16, stepY: 16 });
    const g = seedGrid(481, 321, 256);
    expect(Math.abs(g.nx * g.ny - 256)).toBeLessThan(20);
    expect(seedGrid(10, 1, 3).ny).toBe(1);
  });

  it('one segment covers the whole image', () => {
    const { image } = shapesImage(20, 10);
    const map = slicImage(image, { segments: 1 });
    expect(map.count).toBe(1);
  });

  it('names bad options and inputs', () => {
    const { image } = shapesImage(20, 10);
    expect(() => slicImage(image, { segments: 0 })).toThrow(/segments must be a positive integer, got 0/);
    expect(() => slicImage(image, { segments: 201 })).toThrow(/exceeds the number of pixels \(200\)/);
    expect(() => slicImage(image, { segments: 4, compactness: -1 })).toThrow(/compactness/);
    expect(() => slicImage(image, { segments: 4, iterations: 0 })).toThrow(/iterations/);
    expect(() => slicImage(image, { segments: 4, subsample: 1.5 })).toThrow(/subsample/);
    expect(() => slicImage(image, { segments: 4, scale: 2 })).toThrow(/scale must be in \(0, 1\]/);
    const bad = new Float32Array(2 * 4 * 4);
    bad[5] = NaN;
    expect(() => slic({ data: bad, channels: 2, width: 4, height: 4 }, { segments: 2 })).toThrow(/non-finite value/);
    expect(() => slic({ data: new Float32Array(7), channels: 2, width: 2, height: 2 }, { segments: 2 })).toThrow(/expected \[2, 2, 2\] = 8/);
  });
});
