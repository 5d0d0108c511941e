import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createImage } from '@seg/tensor';
import { writeImage } from '@seg/tensor/node';
import { loadSample, openWeakDataset, readMask } from './dataset';

describe('method-1 data folders', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'seg-weak-data-'));
    await writeImage(path.join(dir, 'a.png'), createImage(4, 3, 3, new Uint8Array(36).fill(200)));
    await writeImage(path.join(dir, 'b.png'), createImage(4, 3, 3, new Uint8Array(36).fill(100)));
    await writeImage(path.join(dir, 'a_mask.png'), createImage(4, 3, 1, Uint8Array.from([0, 255, 255, 0, 0, 0, 1, 0, 0, 0, 0, 0])));
  });
  afterAll(async () => { await fs.rm(dir, { recursive: true, force: true }); });

  const write = (name: string, text: string) => fs.writeFile(path.join(dir, name), text);

  it('finds ratios.csv, checks every file, and loads images with their masks', async () => {
    await write('ratios.csv', 'image,ratio,mask\na.png,0.25,a_mask.png\nb.png,0.5,\n');
    const ds = await openWeakDataset(dir);
    expect(ds.table).toBe(path.join(dir, 'ratios.csv'));
    expect(ds.entries.map((e) => e.image)).toEqual(['a.png', 'b.png']);
    const a = await loadSample(ds, ds.entries[0], { mask: true });
    expect([a.image.width, a.image.height, a.ratio]).toEqual([4, 3, 0.25]);
    expect(Array.from(a.mask!)).toEqual([0, 1, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0]);
    expect((await loadSample(ds, ds.entries[1], { mask: true })).mask).toBeUndefined();
    await expect(readMask(path.join(dir, 'a_mask.png'), 5, 3)).rejects.toThrow(/is 4x3, its image 5x3/);
    await fs.rm(path.join(dir, 'ratios.csv'));
  });

  it('reports a missing ratio, a ratio outside [0, 1], missing files and a missing table clearly', async () => {
    await expect(openWeakDataset(dir)).rejects.toThrow(/no ratio table in .*: expected one of ratios.csv, ratios.json, index.csv/);
    await write('r1.csv', 'image,ratio\na.png,0.2\nb.png,\n');
    await expect(openWeakDataset(dir, { labels: 'r1.csv' })).rejects.toThrow("r1.csv row 3 (b.png): missing area ratio in column 'ratio'");
    await write('r2.json', '[{"image": "a.png", "ratio": 1.25}]');
    await expect(openWeakDataset(dir, { labels: path.join(dir, 'r2.json') })).rejects.toThrow('r2.json item 0 (a.png): area ratio 1.25 is outside [0, 1]');
    await write('r3.csv', 'image,ratio\nc.png,0.2\n');
    await expect(openWeakDataset(dir, { labels: 'r3.csv' })).rejects.toThrow(/r3.csv: image c.png not found/);
    await write('r4.csv', 'image,ratio,mask\na.png,0.2,nope.png\n');
    await expect(openWeakDataset(dir, { labels: 'r4.csv' })).rejects.toThrow(/mask nope.png of a.png not found/);
    await expect(openWeakDataset(dir, { labels: 'absent.csv' })).rejects.toThrow(/ratio table absent.csv not found/);
    await expect(openWeakDataset(path.join(dir, 'nowhere'))).rejects.toThrow(/does not exist/);
  });
});
