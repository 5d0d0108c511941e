import { writeImage } from '@seg/tensor/node';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import sharp from 'sharp';
import { listBsds500, readBsds500Sample } from './bsds500';
import { readLabelPng, writeLabelPng } from './label-png';

describe('node I/O', () => {
  let dir: string;
  beforeAll(async () => { dir = await fs.mkdtemp(path.join(os.tmpdir(), 'seg-sp-test-')); });
  afterAll(async () => { await fs.rm(dir, { recursive: true, force: true }); });

  it('label PNGs round-trip in both encodings, gray16 as a 16-bit grey PNG', async () => {
    const width = 300;
    const height = 250;
    // Every label 0..65535 appears (75000 pixels), the largest count gray16 holds.
    const labels = Int32Array.from({ length: width * height }, (_, i) => (i * 7919) % 65536);
    const map = { labels, width, height, count: 65536 };
    const f16 = path.join(dir, 'l16.png');
    await writeLabelPng(f16, map, 'gray16');
    const meta = await sharp(f16).metadata();
    expect(meta.depth).toBe('ushort');
    expect(meta.channels).toBe(1);
    const back16 = await readLabelPng(f16);
    expect(back16.width).toBe(width);
    expect(Array.from(back16.labels)).toEqual(Array.from(labels));
    const frgb = path.join(dir, 'lrgb.png');
    await writeLabelPng(frgb, map, 'rgb');
    expect(Array.from((await readLabelPng(frgb)).labels)).toEqual(Array.from(labels));
  });

  it('reads 8-bit grey label PNGs as stored and refuses lossy formats', async () => {
    const f = path.join(dir, 'gt.png');
    await writeImage(f, { data: Uint8Array.from([1, 2, 3, 173]), width: 2, height: 2, channels: 1 });
    expect(Array.from((await readLabelPng(f)).labels)).toEqual([1, 2, 3, 173]);
    const j = path.join(dir, 'x.jpg');
    await writeImage(j, { data: new Uint8Array(12), width: 2, height: 2, channels: 3 });
    await expect(readLabelPng(j)).rejects.toThrow(/expected a PNG/);
    await expect(readLabelPng(path.join(dir, 'missing.png'))).rejects.toThrow(/cannot read label map/);
  });

  it('reads a BSDS500-layout folder: images with every annotator', async () => {
    const root = path.join(dir, 'bsds');
    await fs.mkdir(path.join(root, 'images'), { recursive: true });
    await fs.mkdir(path.join(root, 'segmentation_png'), { recursive: true });
    const rgb = new Uint8Array(6 * 4 * 3).fill(90);
    await writeImage(path.join(root, 'images', '42.jpg'), { data: rgb, width: 6, height: 4, channels: 3 });
    await writeImage(path.join(root, 'images', '7.jpg'), { data: rgb, width: 6, height: 4, channels: 3 });
    for (const k of [1, 2, 10]) {
      await writeImage(path.join(root, 'segmentation_png', `42_${k}.png`), { data: new Uint8Array(24).fill(k), width: 6, height: 4, channels: 1 });
    }
    expect(await listBsds500(root)).toEqual(['42']); // 7 has no ground truth
    const s = await readBsds500Sample(root, '42');
    expect(s.image.width).toBe(6);
    expect(s.groundTruths.map((g) => g[0])).toEqual([1, 2, 10]);
    await expect(listBsds500(dir)).rejects.toThrow(/not a BSDS500 folder/);
  });
});
