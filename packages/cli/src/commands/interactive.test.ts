import { readImage, writeImage } from '@seg/tensor/node';
import { texturedDisc } from '@seg/interactive/testing';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseClick } from './interactive';
import { runCli } from '../testing/run-cli';

describe('seg interactive predict / seg eval interactive (filter bank, synthetic data)', () => {
  let dir: string;
  const W = 96, H = 80;
  const disc = texturedDisc(W, H);
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'seg-cli-interactive-'));
    await writeImage(path.join(dir, 'disc.png'), disc.image);
    // a two-image click data set (0 background, 255 object)
    await fs.mkdir(path.join(dir, 'set', 'images'), { recursive: true });
    await fs.mkdir(path.join(dir, 'set', 'masks'), { recursive: true });
    for (const [name, seed] of [['a', 1], ['b', 2]] as const) {
      const s = texturedDisc(W, H, seed);
      await writeImage(path.join(dir, 'set', 'images', `${name}.png`), s.image);
      await writeImage(path.join(dir, 'set', 'masks', `${name}.png`), { data: Uint8Array.from(s.gt, (v) => v * 255), width: W, height: H, channels: 1 });
    }
  });
  afterAll(async () => { await fs.rm(dir, { recursive: true, force: true }); });

  it('parses clicks', () => {
    expect(parseClick('12,30,0')).toEqual({ x: 12, y: 30, label: 0 });
    expect(parseClick('12.5, 30')).toEqual({ x: 12.5, y: 30, label: 1 });
    expect(() => parseClick('12')).toThrow(/--click must be x,y\[,label\]/);
    expect(() => parseClick('1,2,-1')).toThrow(/label must be a non-negative integer/);
  });

  it('writes the mask of a clicked object and prints one JSON document', async () => {
    const out = path.join(dir, 'mask.png');
    const r = await runCli('interactive', 'predict', '--image', path.join(dir, 'disc.png'), '--click', '50,38,1', '--click', '5,5,0',
      '--backbone', 'filterbank', '--superpixels', '300', '--out', out, '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ width: W, height: H, backbone: 'filterbank', classes: 2, refine: 'graphcut' });
    expect(j.grid).toEqual({ width: 12, height: 10, channels: 129 });
    const mask = await readImage(out, { channels: 1 });
    let inter = 0, union = 0;
    for (let i = 0; i < W * H; i++) {
      const p = mask.data[i] === 255, g = disc.gt[i] === 1;
      if (p && g) inter++;
      if (p || g) union++;
    }
    expect(inter / union).toBeGreaterThan(0.85);
    expect(j.pixels_per_class[1]).toBe(mask.data.filter((v) => v === 255).length);
  });

  it('reports bad clicks and options as usage errors', async () => {
    const img = path.join(dir, 'disc.png');
    expect((await runCli('interactive', 'predict', '--image', img, '--backbone', 'filterbank')).err).toMatch(/give at least one --click/);
    const outside = await runCli('interactive', 'predict', '--image', img, '--click', '500,5,1', '--backbone', 'filterbank');
    expect(outside.code).toBe(2);
    expect(outside.err).toMatch(/click 0 at \(500, 5\) is outside the 96x80 image/);
    expect((await runCli('interactive', 'predict', '--image', img, '--click', '5,5,3', '--classes', '2', '--backbone', 'filterbank')).err).toMatch(/needs --classes > 3/);
    expect((await runCli('interactive', 'predict', '--image', img, '--click', '5,5', '--backbone', 'vgg')).err).toMatch(/unknown backbone 'vgg'/);
    expect((await runCli('interactive', 'predict', '--image', img, '--click', '5,5', '--refine', 'crf')).err).toMatch(/--refine must be one of graphcut, superpixels, none/);
  });

  it('evaluates NoC and mIoU with the click simulator', async () => {
    const r = await runCli('eval', 'interactive', '--data', path.join(dir, 'set'), '--backbone', 'filterbank', '--superpixels', '300', '--max-clicks', '5', '--per-image', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.images).toBe(2);
    expect(j.max_clicks).toBe(5);
    expect(j.noc85).toBeGreaterThanOrEqual(1);
    expect(j.noc90).toBeLessThanOrEqual(5);
    expect(Object.keys(j.miou)).toEqual(['1', '3', '5']);
    expect(j.per_image.map((p: { name: string }) => p.name)).toEqual(['a', 'b']);
    expect(j.per_image[0].ious).toHaveLength(5);
    expect(j.seconds_per_click).toBeGreaterThan(0);
    expect(r.err).toMatch(/\[2\] b: NoC@85/);
  });
});
