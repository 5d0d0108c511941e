import { Tensor } from '@seg/tensor';
import { decodeCheckpoint, encodeCheckpoint, modelValues } from './checkpoint';
import { encodeSafetensors } from './safetensors';

describe('checkpoints', () => {
  const values = new Map<string, Tensor>([
    ['conv/weight', Tensor.fromArray('float32', [2], [0.5, -1])],
    ['adam/m/conv/weight', Tensor.fromArray('float32', [2], [0.01, 0.02])],
    ['bn/running_mean', Tensor.fromArray('float32', [1], [3])],
  ]);
  const kinds = { 'conv/weight': 'parameter', 'adam/m/conv/weight': 'optimizer', 'bn/running_mean': 'state' } as const;

  it('round-trips step, values, kinds, config and metrics', () => {
    const c = decodeCheckpoint(encodeCheckpoint({ step: 42, values, kinds, config: { seed: 3, user: { lr: 0.1 } }, metrics: { iou: 0.9 } }));
    expect(c.step).toBe(42);
    expect(c.kinds).toEqual(kinds);
    expect(c.config).toEqual({ seed: 3, user: { lr: 0.1 } });
    expect(c.metrics).toEqual({ iou: 0.9 });
    expect(c.values.get('adam/m/conv/weight')!.toArray()).toEqual(values.get('adam/m/conv/weight')!.toArray());
    expect([...modelValues(c).keys()].sort()).toEqual(['bn/running_mean', 'conv/weight']);
  });

  it('rejects files that are not seg checkpoints or lack kinds, and bad steps', () => {
    expect(() => decodeCheckpoint(encodeSafetensors(values, { format: 'pt' }), 'x.safetensors')).toThrow(/x.safetensors: not a seg checkpoint/);
    const noKinds = encodeSafetensors(values, { format: 'seg-checkpoint', version: '1', step: '1', kinds: '{}' });
    expect(() => decodeCheckpoint(noKinds)).toThrow(/tensor '(conv\/weight|adam\/m\/conv\/weight|bn\/running_mean)' has no kind/);
    expect(() => encodeCheckpoint({ step: -1, values, kinds, config: {} })).toThrow(/non-negative integer, got -1/);
    expect(() => encodeCheckpoint({ step: 1, values, kinds: { 'conv/weight': 'parameter' }, config: {} })).toThrow(/'adam\/m\/conv\/weight' has no kind/);
  });
});
