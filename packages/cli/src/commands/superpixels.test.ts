import { readImage, writeImage } from '@seg/tensor/node';
import { readLabelPng } from '@seg/superpixels/node';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCliOk } from '../testing/run-cli';

/** A 96x64 RGB image: a red square and a blue bar on grey; its two-annotator "ground truth". */
function scene(): { rgb: Uint8Array; truth: Uint8Array } {
  const w = 96;
  const h = 64;
  const rgb = new Uint8Array(w * h * 3);
  const truth = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      const t = x >= 10 && x < 40 && y >= 10 && y < 40 ? 2 : y >= 48 ? 3 : 1;
      truth[i] = t;
      const c = t === 2 ? [210, 30, 30] : t === 3 ? [30, 40, 200] : [128, 128, 128];
      rgb.set(c, 3 * i);
    }
  }
  return { rgb, truth };
}

describe('seg superpixels / seg eval superpixels', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'seg-cli-sp-'));
    const { rgb, truth } = scene();
    await writeImage(path.join(dir, 'scene.png'), { data: rgb, width: 96, height: 64, channels: 3 });
    await fs.mkdir(path.join(dir, 'bsds', 'images'), { recursive: true });
    await fs.mkdir(path.join(dir, 'bsds', 'segmentation_png'), { recursive: true });
    await writeImage(path.join(dir, 'bsds', 'images', '1.png'), { data: rgb, width: 96, height: 64, channels: 3 });
    for (const k of [1, 2]) await writeImage(path.join(dir, 'bsds', 'segmentation_png', `1_${k}.png`), { data: truth, width: 96, height: 64, channels: 1 });
  });
  afterAll(async () => { await fs.rm(dir, { recursive: true, force: true }); });

  it('writes a 16-bit label PNG and an overlay, and prints one JSON document', async () => {
    const out = path.join(dir, 'labels.png');
    const overlay = path.join(dir, 'overlay.png');
    const r = JSON.parse((await runCliOk('superpixels', path.join(dir, 'scene.png'), '--segments', '48', '--out', out, '--overlay', overlay, '--json')).out);
    expect(r.segments_requested).toBe(48);
    expect(r.segments).toBeGreaterThan(30);
    expect(r.width).toBe(96);
    expect(typeof r.ms).toBe('number');
    const labels = await readLabelPng(out);
    expect(labels.width).toBe(96);
    expect(Math.max(...labels.labels) + 1).toBe(r.segments);
    const ov = await readImage(overlay);
    expect(ov.width).toBe(96);
    // Some pixels are painted boundary yellow.
    let yellow = 0;
    for (let i = 0; i < 96 * 64; i++) if (ov.data[3 * i] === 255 && ov.data[3 * i + 1] === 255 && ov.data[3 * i + 2] === 0) yellow++;
    expect(yellow).toBeGreaterThan(100);
  });

  it('eval superpixels scores a BSDS-layout folder per segment count', async () => {
    const r = JSON.parse((await runCliOk('eval', 'superpixels', '--data', path.join(dir, 'bsds'), '--segments', '24,96', '--no-reference', '--json')).out);
    expect(r.images).toBe(1);
    expect(r.annotators_per_image).toBe(2);
    expect(r.reference).toMatch(/skipped/);
    expect(r.results.map((x: { segments_requested: number }) => x.segments_requested)).toEqual([24, 96]);
    for (const x of r.results) {
      // Piecewise-constant scene: SLIC finds every boundary.
      expect(x.boundary_recall).toBeGreaterThan(0.98);
      expect(x.undersegmentation_error).toBeLessThan(0.05);
      expect(x.achievable_segmentation_accuracy).toBeGreaterThan(0.97);
      expect(x.explained_variation).toBeGreaterThan(0.9);
    }
  });

  it('rejects bad options with exit code 2 and a message naming them', async () => {
    await expect(runCliOk('superpixels', path.join(dir, 'scene.png'), '--segments', 'many')).rejects.toThrow(/exit 2: .*--segments must be a positive integer, got 'many'/);
    await expect(runCliOk('superpixels', path.join(dir, 'scene.png'), '--label-format', 'jpeg')).rejects.toThrow(/--label-format must be gray16 or rgb/);
    await expect(runCliOk('superpixels', path.join(dir, 'scene.png'), '--segments', '100000')).rejects.toThrow(/exceeds the image's 96x64/);
    await expect(runCliOk('eval', 'superpixels', '--data', path.join(dir, 'nowhere'), '--no-reference')).rejects.toThrow(/does not exist/);
  });
});
