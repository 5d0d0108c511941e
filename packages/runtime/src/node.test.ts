import { Tensor } from '@seg/tensor';
import { createNodeSession, probeCuda } from './node';
import { tinyIdentityModel } from './tiny-model';

describe('node runtime', () => {
  it('runs a model and validates feeds by name, dtype and shape', async () => {
    const s = await createNodeSession(tinyIdentityModel(), { threads: 1 }, 'identity');
    expect(s.inputs).toEqual([{ name: 'x', dtype: 'float32', dims: [1] }]);
    const out = await s.run({ x: Tensor.fromArray('float32', [1], [3.5]) });
    expect(out.y.toArray()).toEqual([3.5]);
    await expect(s.run({ x: Tensor.fromArray('float64', [1], [1]) })).rejects.toThrow(/identity: input 'x' expects float32, got float64/);
    await expect(s.run({ x: Tensor.fromArray('float32', [2], [1, 2]) })).rejects.toThrow(/expects shape \[1\], got \[2\]/);
    await expect(s.run({})).rejects.toThrow(/missing feed for input 'x'/);
    await expect(s.run({ x: Tensor.fromArray('float32', [1], [1]) }, ['z'])).rejects.toThrow(/unknown output 'z'/);
    await s.release();
  });

  it('falls back to CPU when CUDA is requested but unusable, and says why', async () => {
    const reason = await probeCuda();
    const s = await createNodeSession(tinyIdentityModel(), { executionProvider: 'cuda' });
    expect(s.executionProvider).toBe(reason === null ? 'cuda' : 'cpu');
    if (reason !== null) expect(reason.length).toBeGreaterThan(0);
  });

  it('rejects bytes that are not a model with the label in the message', async () => {
    await expect(createNodeSession(new Uint8Array([1, 2, 3]), {}, 'broken.onnx')).rejects.toThrow(/broken.onnx: onnxruntime could not load the model/);
  });
});
