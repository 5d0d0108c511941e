import { GraphBuilder, op, serializeModel } from '@seg/onnx';
import { createNodeSession } from '@seg/runtime/node';
import { Rng, Tensor } from '@seg/tensor';
import { runModelInBrowser } from './run-model';

/** conv(3->8, 3x3) + relu + flatten + matmul(512->10) + bias + softmax, with seeded weights. */
function buildModel(rng: Rng): Uint8Array {
  const b = new GraphBuilder();
  const x = b.input('x', 'float32', [2, 3, 8, 8]);
  const param = (name: string, dims: number[], scale: number) => {
    const t = new Tensor('float32', dims);
    rng.fillNormal(t.data);
    for (let i = 0; i < t.size; i++) t.data[i] *= scale;
    return b.param(name, t);
  };
  const h = op.relu(op.conv(x, param('conv/weight', [8, 3, 3, 3], 0.3), param('conv/bias', [8], 0.1), { pads: [1, 1, 1, 1] }));
  const logits = op.add(op.matmul(op.reshape(h, [2, 512]), param('fc/weight', [512, 10], 0.05)), param('fc/bias', [10], 0.1));
  b.output(op.softmax(logits, -1), 'probs');
  b.output(logits, 'logits');
  return serializeModel(b);
}

function maxAbsDiff(a: Tensor, b: Tensor): number {
  expect(a.dims).toEqual(b.dims);
  let m = 0;
  for (let i = 0; i < a.size; i++) m = Math.max(m, Math.abs(Number(a.data[i]) - Number(b.data[i])));
  return m;
}

describe('onnxruntime-node and onnxruntime-web (Chromium, wasm) agree', () => {
  it('on a conv + relu + matmul + softmax graph built with the builder', async () => {
    const rng = new Rng(7);
    const model = buildModel(rng);
    const x = new Tensor('float32', [2, 3, 8, 8]);
    rng.fillNormal(x.data);

    const node = await createNodeSession(model, { threads: 1 }, 'agree');
    const expected = await node.run({ x });
    await node.release();

    const web = await runModelInBrowser(model, { x }, { label: 'agree' });
    const diffs = { probs: maxAbsDiff(web.outputs.probs, expected.probs), logits: maxAbsDiff(web.outputs.logits, expected.logits) };
    process.stderr.write(`runtimes-agree: max|web-node| ${JSON.stringify(diffs)}; page ${JSON.stringify(web.page.runtime)}, ` +
      `workers ${web.run.info.workersStarted}, timings ${JSON.stringify(web.run.timings)}\n`);
    expect(diffs.probs).toBeLessThan(1e-5);
    expect(diffs.logits).toBeLessThan(1e-5);
    // the softmax rows really are distributions (guards against comparing two empty outputs)
    for (let r = 0; r < 2; r++) {
      let s = 0;
      for (let j = 0; j < 10; j++) s += web.outputs.probs.data[r * 10 + j] as number;
      expect(s).toBeCloseTo(1, 5);
    }

    // cross-origin isolation gives onnxruntime-web its thread pool: >1 thread, pool workers started
    expect(web.run.info.crossOriginIsolated).toBe(true);
    expect(web.page.runtime.crossOriginIsolated).toBe(true);
    expect(web.page.runtime.numThreads).toBeGreaterThan(1);
    expect(web.run.info.workersStarted).toBeGreaterThan(0);
  });

  it('falls back to one wasm thread on a page that is not cross-origin isolated, with the same outputs', async () => {
    const rng = new Rng(8);
    const model = buildModel(rng);
    const x = new Tensor('float32', [2, 3, 8, 8]);
    rng.fillNormal(x.data);
    const node = await createNodeSession(model, { threads: 1 }, 'agree');
    const expected = await node.run({ x }, ['logits']);
    await node.release();
    const web = await runModelInBrowser(model, { x }, { label: 'agree', fetch: ['logits'], threads: 2, crossOriginIsolated: false });
    expect(Object.keys(web.outputs)).toEqual(['logits']);
    expect(maxAbsDiff(web.outputs.logits, expected.logits)).toBeLessThan(1e-5);
    // without COOP/COEP (crossOriginIsolated: false) there is no SharedArrayBuffer, hence no wasm threads
    expect(web.run.info.crossOriginIsolated).toBe(false);
    expect(web.page.requestedThreads).toBe(1);
    expect(web.page.runtime.numThreads).toBe(1);
    expect(web.run.info.workersStarted).toBe(0);
  });
});
