import { writeImage } from '@seg/tensor/node';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCliOk } from '../testing/run-cli';

/** A 0/255 gray mask image from a predicate. */
function maskImage(w: number, h: number, inside: (x: number, y: number) => boolean) {
  const data = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) if (inside(x, y)) data[y * w + x] = 255;
  return { data, width: w, height: h, channels: 1 as const };
}

describe('seg eval polar', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'seg-cli-polar-'));
    const ann = path.join(dir, 'Annotations', '480p');
    await fs.mkdir(path.join(ann, 'disc'), { recursive: true });
    await fs.mkdir(path.join(ann, 'shapes'), { recursive: true });
    await writeImage(path.join(ann, 'disc', '00000.png'), maskImage(80, 60, (x, y) => (x - 40) ** 2 + (y - 30) ** 2 <= 20 ** 2));
    await writeImage(path.join(ann, 'shapes', '00000.png'), maskImage(80, 60, (x, y) => (x >= 10 && x < 22 && y >= 5 && y < 55) || (x >= 10 && x < 70 && y >= 43 && y < 55)));
    await writeImage(path.join(ann, 'shapes', '00001.png'), maskImage(80, 60, (x, y) => (x - 25) ** 2 + (y - 30) ** 2 <= 15 ** 2 || (x - 62) ** 2 + (y - 20) ** 2 <= 6 ** 2));
  });
  afterAll(async () => { await fs.rm(dir, { recursive: true, force: true }); });

  it('reports mean IoU per encoding and ray count as one JSON document', async () => {
    const r = JSON.parse((await runCliOk('eval', 'polar', '--data', dir, '--rays', '18,36', '--per-mask', '--no-reference', '--json')).out);
    expect(r.masks).toBe(3);
    expect(r.sequences).toEqual({ disc: 1, shapes: 2 });
    expect(r.results.map((x: { encoding: string; rays: number }) => `${x.encoding}/${x.rays}`)).toEqual(['exact/18', 'exact/36', 'polarmask/18', 'polarmask/36']);
    for (const row of r.results) {
      expect(row.per_mask).toHaveLength(3);
      expect(row.mean_iou).toBeGreaterThan(0.5);
      expect(row.mean_iou).toBeLessThanOrEqual(1);
    }
    const get = (e: string, n: number) => r.results.find((x: { encoding: string; rays: number }) => x.encoding === e && x.rays === n);
    expect(get('exact', 36).per_mask[0]).toBeGreaterThan(0.95); // the disc
    expect(get('exact', 36).mean_iou).toBeGreaterThanOrEqual(get('polarmask', 36).mean_iou);
    expect(r.reference).toEqual({ skipped: '--no-reference' });
  });

  it('rejects bad options with a message', async () => {
    await expect(runCliOk('eval', 'polar', '--data', dir, '--rays', '7', '--json')).rejects.toThrow(/even ray count dividing 360/);
    await expect(runCliOk('eval', 'polar', '--data', dir, '--encoding', 'fancy')).rejects.toThrow(/unknown 'fancy'/);
    await expect(runCliOk('eval', 'polar', '--data', path.join(dir, 'nope'))).rejects.toThrow(/does not exist/);
  });
});
