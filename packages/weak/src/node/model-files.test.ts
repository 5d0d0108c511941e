import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseModel } from '@seg/onnx';
import { WeakPredictor } from '../pipeline/predict-weak';
import { trainWeak } from '../pipeline/train-weak';
import { TINY_CONFIG } from '../synthetic/tiny-config';
import { blobImage } from '../synthetic/blobs';
import { loadTrainState, loadWeakModel, saveTrainState, saveWeakModel } from './model-files';
import { nodeSessionFactory } from './sessions';

describe('method-1 model folders', () => {
  let dir: string;
  beforeAll(async () => { dir = await fs.mkdtemp(path.join(os.tmpdir(), 'seg-weak-model-')); });
  afterAll(async () => { await fs.rm(dir, { recursive: true, force: true }); });

  it('saves and loads a model that predicts exactly as before, with standalone ONNX exports', async () => {
    const createSession = nodeSessionFactory(1);
    const train = [1, 2, 3].map((seed) => { const b = blobImage({ seed }); return { name: `b${seed}`, image: b.image, ratio: b.ratio }; });
    let lastState: Parameters<typeof saveTrainState>[1] | undefined;
    const model = await trainWeak(train, { ...TINY_CONFIG, gcn: { epochs: 2 }, pixel: { steps: 10, rounds: 0 } }, { createSession, onCheckpoint: (s) => { lastState = s; } });
    await saveWeakModel(dir, model);
    expect((await fs.readdir(dir)).sort()).toEqual(['gcn.onnx', 'gcn.safetensors', 'model.json', 'pixel.onnx', 'pixel.safetensors']);
    const onnx = parseModel(new Uint8Array(await fs.readFile(path.join(dir, 'pixel.onnx'))));
    expect(onnx.inputs.map((i) => i.name)).toEqual(['image']);
    const loaded = await loadWeakModel(dir);
    expect(loaded.config).toEqual(model.config);
    expect(loaded.thresholds).toEqual(model.thresholds);
    const img = blobImage({ seed: 9 }).image;
    const a = await WeakPredictor.create(model, createSession);
    const b = await WeakPredictor.create(loaded, createSession);
    const pa = await a.predict(img); const pb = await b.predict(img);
    expect(Array.from(pb.probability)).toEqual(Array.from(pa.probability));
    expect(pb.ratio).toBe(pa.ratio);
    await a.release(); await b.release();

    // Training states round-trip too (for resume).
    const file = path.join(dir, 'state', 'checkpoint.safetensors');
    await saveTrainState(file, lastState!, { tag: 1 });
    const back = await loadTrainState(file);
    expect(back.config).toEqual({ tag: 1 });
    expect([back.state.stage, back.state.round, back.state.roundStep, back.state.runnerStep]).toEqual([lastState!.stage, lastState!.round, lastState!.roundStep, lastState!.runnerStep]);
    expect([...back.state.values.keys()].sort()).toEqual([...lastState!.values.keys()].sort());
    expect([...back.state.gcn!.keys()].sort()).toEqual([...lastState!.gcn!.keys()].sort());
  });

  it('explains what is wrong with a folder that holds no model', async () => {
    await expect(loadWeakModel(path.join(dir, 'none'))).rejects.toThrow(/no method-1 model in .*model.json not found/);
    const bad = path.join(dir, 'bad');
    await fs.mkdir(bad);
    await fs.writeFile(path.join(bad, 'model.json'), '{"format": "other"}');
    await expect(loadWeakModel(bad)).rejects.toThrow(/not a method-1 model/);
  });
});
