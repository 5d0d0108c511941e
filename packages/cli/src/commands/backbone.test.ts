import { spawnSync } from 'child_process';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { backboneWeightNames, syntheticWeights } from '@seg/backbones';
import { createNodeSession } from '@seg/runtime/node';
import { Tensor } from '@seg/tensor';
import { writeImage, writeNpy } from '@seg/tensor/node';

const bin = path.join(__dirname, '..', '..', 'bin', 'seg.js');
const seg = (...args: string[]) => {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe('seg backbone', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'seg-cli-backbone-'));
    // Synthetic SqueezeNet weights in a model folder, and a small test image.
    const src = syntheticWeights(1);
    for (const w of backboneWeightNames('squeezenet1.1')) await writeNpy(path.join(dir, 'squeeze', 'weights', `${w.name}.npy`), src.get(w.name, w.dims));
    const rgb = new Uint8Array(40 * 32 * 3);
    for (let i = 0; i < rgb.length; i++) rgb[i] = (i * 37) % 256;
    await writeImage(path.join(dir, 'img.png'), { data: rgb, width: 40, height: 32, channels: 3 });
  });
  afterAll(async () => { await fs.rm(dir, { recursive: true, force: true }); });

  it('list --json names every backbone with its taps', () => {
    const r = seg('backbone', 'list', '--json');
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout);
    expect(list.map((b: { name: string }) => b.name)).toEqual(['squeezenet1.1', 'resnet50v2', 'mobilenetv2', 'resnet18', 'resnet34', 'filterbank']);
    expect(list[1].taps.layer3).toMatchObject({ stride: 16, channels: 1024 });
  });

  it('export writes a runnable model and reports its taps; run prints the top-5 classes', async () => {
    const out = path.join(dir, 'sq.onnx');
    const r = seg('backbone', 'export', 'squeezenet1.1', '--weights', path.join(dir, 'squeeze'), '--out', out, '--size', '96', '--taps', 'fire4,logits', '--json');
    expect(r.code).toBe(0);
    const info = JSON.parse(r.stdout);
    expect(info.taps.fire4).toEqual({ dims: [1, 256, 11, 11], stride: 8, channels: 256 });
    expect(info.parameters).toBe(1235496);
    expect((await fs.readdir(dir)).filter((f) => f.includes('.tmp'))).toEqual([]);
    const session = await createNodeSession(new Uint8Array(await fs.readFile(out)));
    const y = await session.run({ image: new Tensor('float32', [1, 3, 96, 96]) });
    expect(y.logits.dims).toEqual([1, 1000]);

    const run = seg('backbone', 'run', 'squeezenet1.1', '--image', path.join(dir, 'img.png'), '--weights', path.join(dir, 'squeeze'), '--json');
    expect(run.code).toBe(0);
    const res = JSON.parse(run.stdout);
    expect(res.input_size).toEqual([224, 224]);
    expect(res.taps.logits.dims).toEqual([1, 1000]);
    expect(res.top5).toHaveLength(5);
    for (let i = 1; i < 5; i++) expect(res.top5[i].logit).toBeLessThanOrEqual(res.top5[i - 1].logit);
  });

  it('run filterbank at a given size prints tap shapes', () => {
    const r = seg('backbone', 'run', 'filterbank', '--image', path.join(dir, 'img.png'), '--size', '24x20', '--taps', 'sigma1,features_s4', '--json');
    expect(r.code).toBe(0);
    const res = JSON.parse(r.stdout);
    expect(res.taps.sigma1.dims).toEqual([1, 21, 24, 20]);
    expect(res.taps.features_s4.dims).toEqual([1, 129, 6, 5]);
    expect(res.taps.sigma1.finite).toBe(true);
  });

  it('says "weights not found" (exit 2) for a missing weights folder, and names the known backbones', () => {
    const r = seg('backbone', 'export', 'mobilenetv2', '--weights', path.join(dir, 'nowhere'), '--out', path.join(dir, 'm.onnx'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/weights not found for backbone 'mobilenetv2'/);
    const u = seg('backbone', 'export', 'vgg16', '--out', path.join(dir, 'v.onnx'));
    expect(u.code).toBe(2);
    expect(u.stderr).toMatch(/known backbones: squeezenet1.1, resnet50v2/);
  });
});
