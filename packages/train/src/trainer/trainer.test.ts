import { mkdtempSync, rmSync, existsSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import type { Tensor } from '@seg/tensor';
import type { Session } from '@seg/runtime';
import { Batch, Trainer, TrainerOptions, modelValues } from '../index';
import { createStepSession, directoryCheckpointer, loadCheckpoint } from '../node';
import { tinyData, tinyStep } from '../../test/fixtures/tiny-mlp';

const bytesOf = (t: Tensor): Buffer => Buffer.from((t.data as Float32Array).buffer, (t.data as Float32Array).byteOffset, (t.data as Float32Array).byteLength);

describe('Trainer', () => {
  const step = tinyStep();
  let session: Session;
  let dir: string;
  beforeAll(async () => { session = await createStepSession(step, { threads: 1 }); });
  afterAll(async () => { await session.release(); });
  beforeEach(() => { dir = mkdtempSync(path.join(tmpdir(), 'seg-train-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const options = (extra: Partial<TrainerOptions> = {}): TrainerOptions => ({
    spec: step.spec, session, initial: step.initialValues(), data: tinyData(7), steps: 10, seed: 7, ...extra,
  });

  it('learns, and a run resumed from a checkpoint file ends bit for bit like an uninterrupted one', async () => {
    const straight = await new Trainer(options()).run();
    expect(straight.reason).toBe('completed');
    expect(straight.losses).toHaveLength(10);
    expect(straight.losses[9]).toBeLessThan(straight.losses[0]);

    const first = await new Trainer(options({ steps: 5, checkpoints: directoryCheckpointer(dir) })).run();
    const ckpt = await loadCheckpoint(path.join(dir, 'latest.safetensors'));
    expect(ckpt.step).toBe(5);
    expect(ckpt.config).toMatchObject({ seed: 7, steps: 5, graph: { clipNorm: 5 } });
    expect(Object.values(ckpt.kinds).filter((k) => k === 'parameter')).toHaveLength(4);
    expect([...modelValues(ckpt).keys()].sort()).toEqual(['fc1/bias', 'fc1/weight', 'fc2/bias', 'fc2/weight']);
    const resumed = await new Trainer(options({ resume: ckpt })).run();
    expect(resumed.step).toBe(10);
    expect([...first.losses, ...resumed.losses]).toEqual(straight.losses);
    for (const [name, t] of straight.values) expect(bytesOf(resumed.values.get(name)!)).toEqual(bytesOf(t));
  });

  it('evaluates, keeps the best values, stops early on patience and writes best.safetensors', async () => {
    const scores = [0.5, 0.7, 0.6, 0.65, 0.1];
    const events: number[] = [];
    const seen: ReadonlyMap<string, Tensor>[] = [];
    const result = await new Trainer(options({
      steps: 20,
      checkpoints: directoryCheckpointer(dir),
      evaluate: { every: 2, metric: 'iou', patience: 2, run: ({ values }) => { seen.push(values); return { iou: scores[seen.length - 1] }; } },
      onEvaluate: (e) => events.push(e.bestStep),
    })).run();
    expect(result.reason).toBe('early-stopped');
    expect(result.step).toBe(8);
    expect(events).toEqual([2, 4, 4, 4]);
    expect(result.best!.step).toBe(4);
    expect(result.best!.values.get('fc1/weight')).toBe(seen[1].get('fc1/weight'));
    const best = await loadCheckpoint(path.join(dir, 'best.safetensors'));
    expect(best.step).toBe(4);
    expect(best.metrics).toEqual({ iou: 0.7 });
    expect(bytesOf(best.values.get('fc2/weight')!)).toEqual(bytesOf(seen[1].get('fc2/weight')!));
  });

  it('minimises a metric in min mode and evaluates after the last step', async () => {
    const at: number[] = [];
    const result = await new Trainer(options({
      steps: 5, evaluate: { every: 2, metric: 'val', mode: 'min', run: ({ step: s }) => { at.push(s); return { val: 10 - s }; } },
    })).run();
    expect(at).toEqual([2, 4, 5]);
    expect(result.best!.step).toBe(5);
  });

  it('stops between steps when its AbortSignal fires, leaving a resumable checkpoint', async () => {
    const controller = new AbortController();
    const progress: number[] = [];
    const result = await new Trainer(options({
      signal: controller.signal, checkpoints: directoryCheckpointer(dir),
      onProgress: (e) => { progress.push(e.step); expect(e.lr).toBeGreaterThan(0); expect(e.metrics.mae).toBeGreaterThan(0); if (e.step === 3) controller.abort(); },
    })).run();
    expect(result.reason).toBe('aborted');
    expect(progress).toEqual([1, 2, 3]);
    expect((await loadCheckpoint(path.join(dir, 'latest.safetensors'))).step).toBe(3);
  });

  it('accepts an iterable data source and skips the batches before a resume point', async () => {
    const data = tinyData(7);
    function* batches(): Generator<Batch> { for (let k = 0; ; k++) yield data(k); }
    const fromFn = await new Trainer(options({ steps: 6 })).run();
    const ckpt = new Trainer(options({ steps: 6 })).checkpoint();
    const half = await new Trainer(options({ steps: 3, data: batches() })).run();
    const rest = await new Trainer(options({ steps: 6, data: batches(), resume: { ...ckpt, step: 3, values: half.values } })).run();
    expect([...half.losses, ...rest.losses]).toEqual(fromFn.losses);
    const short = [data(0)];
    await expect(new Trainer(options({ steps: 3, data: short })).run()).rejects.toThrow(/iterable ended after 1 batches/);
  });

  it('names what is wrong with its inputs', async () => {
    const initial = step.initialValues();
    initial.delete('adam/v/fc2/bias');
    expect(() => new Trainer(options({ initial }))).toThrow(/no initial value for 'adam\/v\/fc2\/bias' \(optimizer\)/);
    const other = tinyStep();
    const spec = { ...other.spec, batchInputs: [...other.spec.batchInputs, { name: 'z', dtype: 'float32' as const, dims: [1] }] };
    expect(() => new Trainer(options({ spec }))).toThrow(/missing z/);
    expect(() => new Trainer(options({ evaluate: { every: 0, metric: 'x', run: () => ({}) } }))).toThrow(/evaluate.every must be a positive integer/);
    await expect(new Trainer(options({ steps: 2, evaluate: { every: 1, metric: 'iou', run: () => ({ acc: 1 }) } })).run()).rejects.toThrow(/no metric 'iou' \(got acc\)/);
    expect(existsSync(dir)).toBe(true);
  });
});
