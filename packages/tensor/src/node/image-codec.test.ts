import { mkdtempSync, rmSync, writeFileSync, readdirSync } from 'fs';
import * as zlib from 'zlib';
import * as os from 'os';
import * as path from 'path';
import sharp from 'sharp';
import { createImage, ImageU8 } from '../image';
import { Rng } from '../rng';
import { decodeImage, encodeImage, encodeJpeg, encodePng } from './image-codec';
import { readImage, writeImage } from './image-file';

function noise(w: number, h: number, c: 1 | 3 | 4, seed: number): ImageU8 {
  const rng = new Rng(seed);
  const img = createImage(w, h, c);
  for (let i = 0; i < img.data.length; i++) img.data[i] = Math.floor(rng.uniform() * 256);
  return img;
}

/** A smooth colour gradient: what JPEG is designed for. */
function gradient(w: number, h: number): ImageU8 {
  const img = createImage(w, h, 3);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) img.data.set([Math.round((255 * x) / (w - 1)), Math.round((255 * y) / (h - 1)), 128], (y * w + x) * 3);
  return img;
}

describe('decodeImage / encodeImage (sharp)', () => {
  it('round-trips PNG losslessly for gray, RGB and RGBA', async () => {
    for (const c of [1, 3, 4] as const) {
      const img = noise(13, 7, c, c);
      const png = await encodePng(img);
      expect([...png.subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]); // "PNG"
      expect(await decodeImage(png)).toEqual(img);
      expect((await sharp(png).metadata()).channels).toBe(c); // gray stays a gray PNG
    }
  });

  it('round-trips JPEG approximately (smooth image, quality 95)', async () => {
    const img = gradient(64, 48);
    const back = await decodeImage(await encodeJpeg(img, 95));
    expect([back.width, back.height, back.channels]).toEqual([64, 48, 3]);
    let sum = 0;
    let max = 0;
    back.data.forEach((v, i) => { const d = Math.abs(v - img.data[i]); sum += d; max = Math.max(max, d); });
    expect(sum / img.data.length).toBeLessThan(1); // measured 0.50
    expect(max).toBeLessThanOrEqual(6); // measured 3
    // alpha is dropped for JPEG rather than failing
    expect((await decodeImage(await encodeJpeg(noise(8, 8, 4, 1)))).channels).toBe(3);
  });

  it('applies EXIF orientation', async () => {
    // 16x8: left half red, right half blue; orientation 6 means "rotate 90 degrees clockwise to display"
    const img = createImage(16, 8, 3);
    for (let y = 0; y < 8; y++) for (let x = 0; x < 16; x++) img.data.set(x < 8 ? [255, 0, 0] : [0, 0, 255], (y * 16 + x) * 3);
    const jpeg = await sharp(img.data, { raw: { width: 16, height: 8, channels: 3 } }).jpeg({ quality: 100 }).withMetadata({ orientation: 6 }).toBuffer();
    expect((await sharp(jpeg).metadata()).orientation).toBe(6);
    const out = await decodeImage(jpeg);
    expect([out.width, out.height]).toEqual([8, 16]);
    const at = (x: number, y: number) => Array.from(out.data.subarray((y * 8 + x) * 3, (y * 8 + x) * 3 + 3));
    expect(at(4, 2)[0]).toBeGreaterThan(200); // top: red
    expect(at(4, 13)[2]).toBeGreaterThan(200); // bottom: blue
  });

  it('converts channels on request, expands gray+alpha to RGBA and 16-bit to 8-bit', async () => {
    const rgb = noise(5, 4, 3, 9);
    const gray = await decodeImage(await encodePng(rgb), { channels: 1 });
    expect(gray.channels).toBe(1);
    const ga = await sharp(Buffer.from([10, 255, 20, 0]), { raw: { width: 2, height: 1, channels: 2 } }).png().toBuffer();
    expect(Array.from((await decodeImage(ga)).data)).toEqual([10, 10, 10, 255, 20, 20, 20, 0]);
    const png16 = await sharp(rgb.data, { raw: { width: 5, height: 4, channels: 3 } }).toColourspace('rgb16').png().toBuffer();
    expect((await sharp(png16).metadata()).depth).toBe('ushort');
    expect(await decodeImage(png16)).toEqual(rgb);
  });

  it('refuses corrupt, truncated, empty and oversized input with the label in the message', async () => {
    const rng = new Rng(4);
    const junk = new Uint8Array(200).map(() => Math.floor(rng.uniform() * 256));
    await expect(decodeImage(junk, { label: 'junk.bin' })).rejects.toThrow(/cannot decode junk\.bin: .*unsupported image format.*\(supported: .*png.*\)/);
    const png = await encodePng(noise(64, 64, 3, 2));
    await expect(decodeImage(png.subarray(0, png.length >> 1), { label: 'half.png' })).rejects.toThrow(/cannot decode half\.png/);
    await expect(decodeImage(new Uint8Array(0), { label: 'empty.png' })).rejects.toThrow(/cannot decode empty\.png: the input is empty/);
    await expect(decodeImage(png, { label: 'big.png', maxPixels: 1000 })).rejects.toThrow(/big\.png: image is 64x64 = 4096 pixels, above the limit of 1000/);
  });

  it('refuses a decompression bomb from its header, before allocating pixels', async () => {
    // a valid PNG whose header claims 100000 x 100000 gray pixels, with a tiny compressed body
    const chunk = (type: string, data: Buffer): Buffer => {
      const len = Buffer.alloc(4);
      len.writeUInt32BE(data.length);
      const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
      const crc = Buffer.alloc(4);
      crc.writeUInt32BE(zlib.crc32(body) >>> 0);
      return Buffer.concat([len, body, crc]);
    };
    const ihdr = Buffer.from([0, 1, 0x86, 0xa0, 0, 1, 0x86, 0xa0, 8, 0, 0, 0, 0]);
    const bomb = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(Buffer.alloc(1000))), chunk('IEND', Buffer.alloc(0))]);
    await expect(decodeImage(bomb, { label: 'bomb.png' })).rejects.toThrow(/bomb\.png: image is 100000x100000 = 10000000000 pixels, above the limit of 67108864/);
  });

  it('checks encoder options', async () => {
    await expect(encodeImage(noise(2, 2, 3, 1), 'jpeg', { quality: 0 })).rejects.toThrow(/quality must be an integer in 1..100, got 0/);
    await expect(encodeImage(noise(2, 2, 3, 1), 'bmp' as never)).rejects.toThrow(/unknown image format 'bmp'/);
  });
});

describe('readImage / writeImage', () => {
  let dir: string;
  beforeAll(() => { dir = mkdtempSync(path.join(os.tmpdir(), 'seg-image-')); });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes atomically by extension and reads back; errors name the file', async () => {
    const img = noise(9, 6, 4, 3);
    const file = path.join(dir, 'sub', 'a.png');
    await writeImage(file, img);
    expect(readdirSync(path.dirname(file))).toEqual(['a.png']); // no temporary left behind
    expect(await readImage(file)).toEqual(img);
    await writeImage(path.join(dir, 'b.jpg'), gradient(16, 16), { quality: 90 });
    expect((await readImage(path.join(dir, 'b.jpg'))).channels).toBe(3);
    await expect(writeImage(path.join(dir, 'c.bmp'), img)).rejects.toThrow(/c\.bmp: unknown extension '\.bmp'/);
    await expect(readImage(path.join(dir, 'missing.png'))).rejects.toThrow(/cannot read image .*missing\.png: ENOENT/);
    writeFileSync(path.join(dir, 'bad.png'), 'not an image');
    await expect(readImage(path.join(dir, 'bad.png'))).rejects.toThrow(/cannot decode .*bad\.png/);
  });
});
