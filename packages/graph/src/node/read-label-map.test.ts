import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import sharp from 'sharp';
import { Tensor } from '@seg/tensor';
import { writeNpy } from '@seg/tensor/node';
import { readRgbImage } from './read-image';
import { readLabelMap } from './read-label-map';

describe('reading label maps and images', () => {
  let dir = '';
  beforeAll(async () => { dir = await fs.mkdtemp(path.join(os.tmpdir(), 'seg-graph-')); });
  afterAll(async () => { await fs.rm(dir, { recursive: true, force: true }); });

  // 2 x 3 labels with values above 255 and gaps, renumbered in order of first appearance.
  const stored = [700, 700, 3, 40000, 3, 700];
  const expected = [0, 0, 1, 2, 1, 0];

  it('reads a 16-bit grey PNG, value = label', async () => {
    const file = path.join(dir, 'gray16.png');
    await sharp(Uint16Array.from(stored), { raw: { width: 3, height: 2, channels: 1 } }).toColourspace('grey16').png().toFile(file);
    const { map, original } = await readLabelMap(file);
    expect([map.height, map.width, map.count]).toEqual([2, 3, 3]);
    expect([...map.labels]).toEqual(expected);
    expect([...original]).toEqual([700, 3, 40000]);
  });

  it('reads an 8-bit grey PNG, value = label', async () => {
    const file = path.join(dir, 'gray8.png');
    await sharp(Uint8Array.from([9, 9, 200, 4, 200, 9]), { raw: { width: 3, height: 2, channels: 1 } }).toColourspace('b-w').png().toFile(file);
    const { map, original } = await readLabelMap(file);
    expect([...map.labels]).toEqual(expected);
    expect([...original]).toEqual([9, 200, 4]);
  });

  it('reads an RGB PNG with label = R + 256 G + 65536 B', async () => {
    const file = path.join(dir, 'rgb.png');
    const rgb = new Uint8Array(18);
    stored.forEach((v, i) => { rgb[3 * i] = v & 255; rgb[3 * i + 1] = (v >> 8) & 255; rgb[3 * i + 2] = v >> 16; });
    await sharp(rgb, { raw: { width: 3, height: 2, channels: 3 } }).png().toFile(file);
    const { map, original } = await readLabelMap(file);
    expect([...map.labels]).toEqual(expected);
    expect([...original]).toEqual([700, 3, 40000]);
  });

  it('reads a 2-D integer .npy and rejects other shapes', async () => {
    const file = path.join(dir, 'labels.npy');
    await writeNpy(file, Tensor.fromArray('int64', [2, 3], stored));
    expect([...(await readLabelMap(file)).map.labels]).toEqual(expected);
    const bad = path.join(dir, 'bad.npy');
    await writeNpy(bad, Tensor.fromArray('float32', [6], stored));
    await expect(readLabelMap(bad)).rejects.toThrow(/must be a 2-D integer array \[H, W\], got float32\[6\]/);
    await expect(readLabelMap(path.join(dir, 'missing.png'))).rejects.toThrow(/missing.png: cannot read the label image/);
  });

  it('reads an RGB image as a [3, H, W] feature map in [0, 1]', async () => {
    const file = path.join(dir, 'image.png');
    await sharp(Uint8Array.from([255, 0, 0, 0, 51, 255]), { raw: { width: 2, height: 1, channels: 3 } }).png().toFile(file);
    const img = await readRgbImage(file);
    expect([img.width, img.height]).toEqual([2, 1]);
    expect([...img.features.data]).toEqual([1, 0, 0, 0.2, 0, 1].map(Math.fround));
  });
});
