import * as path from 'path';
import sharp from 'sharp';
import { createImage, IMAGENET_MEAN, IMAGENET_STD, imageToNchw, ImageU8, resizeImage, Rng } from '@seg/tensor';
import { encodePng } from '@seg/tensor/node';
import { bundleEntry } from './bundle';
import { runInBrowser } from './run-in-browser';

const entry = path.join(__dirname, 'test-pages', 'images.page.ts');

function noise(w: number, h: number): ImageU8 {
  const rng = new Rng(11);
  const img = createImage(w, h, 3);
  for (let i = 0; i < img.data.length; i++) img.data[i] = Math.floor(rng.uniform() * 256);
  return img;
}

describe("@seg/tensor's browser entry in Chromium", () => {
  it('bundles without sharp, fs or the node entry', async () => {
    const b = await bundleEntry(entry);
    expect(b.inputs.some((f) => f.endsWith('tensor/src/browser/image-source.ts'))).toBe(true);
    expect(b.inputs.filter((f) => /sharp|tensor\/src\/node\//.test(f))).toEqual([]);
  });

  it('decodes PNG bytes and <img> pixels exactly, applies EXIF orientation, and matches node image code', async () => {
    const img = noise(23, 17);
    const red = createImage(16, 8, 3);
    for (let i = 0; i < 128; i++) red.data.set((i % 16) < 8 ? [255, 0, 0] : [0, 0, 255], i * 3);
    const rotated = await sharp(red.data, { raw: { width: 16, height: 8, channels: 3 } }).jpeg({ quality: 100 }).withMetadata({ orientation: 6 }).toBuffer();
    const run = await runInBrowser<{ size: number[]; rotated: { size: number[]; top: number[]; bottom: number[] }; errors: string[] }>({
      entry,
      files: { 'noise.png': await encodePng(img), 'rotated.jpg': new Uint8Array(rotated), 'junk.bin': new Uint8Array(64).fill(7) },
    });
    process.stderr.write(`tensor-browser: timings ${JSON.stringify(run.timings)}\n`);
    expect(run.value.size).toEqual([23, 17]);
    for (const k of ['decoded', 'element', 'canvas']) expect(Buffer.from(run.uploads[k]).equals(Buffer.from(img.data))).toBe(true);
    expect(run.value.rotated.size).toEqual([8, 16]);
    expect(run.value.rotated.top[0]).toBeGreaterThan(200);
    expect(run.value.rotated.bottom[2]).toBeGreaterThan(200);
    expect(run.value.errors[0]).toMatch(/^cannot decode junk\.bin: /);
    expect(run.value.errors[1]).toMatch(/noise\.png: image is 23x17 = 391 pixels, above the limit of 100/);
    expect(run.value.errors[2]).toMatch(/empty has no pixels \(0x0\)/);
    expect(Buffer.from(run.uploads.resized).equals(Buffer.from(resizeImage(img, { width: 40, height: 30 }).data))).toBe(true);
    const nchw = imageToNchw(img, { mean: IMAGENET_MEAN, std: IMAGENET_STD });
    expect(Buffer.from(run.uploads.nchw).equals(Buffer.from(nchw.data.buffer))).toBe(true);
  });
});
