import { Tensor } from '@seg/tensor';
import { GraphBuilder } from '../builder/graph-builder';
import { runAll } from '../testing/run-graph';
import { arange, ints } from '../testing/tensors';
import { roiAlign } from './roi-align';

describe('RoiAlign', () => {
  it('pools [R, C, oh, ow] features; on a linear ramp the average equals the ramp at the bin centre', async () => {
    const b = new GraphBuilder({ opset: 17 });
    const x = b.input('x', 'float32', [2, 1, 6, 8]);
    const rois = b.input('rois', 'float32', [2, 4]);
    const bi = b.input('bi', 'int64', [2]);
    const y = roiAlign(x, rois, bi, { outputSize: [2, 2], samplingRatio: 2 });
    expect(y.dims).toEqual([2, 1, 2, 2]);
    b.output(y, 'y');
    // x[n, 0, i, j] = 100 n + 8 i + j: bilinear sampling is exact on a linear function.
    const xt = arange([2, 1, 6, 8]);
    for (let i = 48; i < 96; i++) xt.data[i] += 52;
    const { values, mismatches } = await runAll(b, {
      x: xt, rois: Tensor.fromArray('float32', [2, 4], [1, 1, 5, 3, 2, 0.5, 6, 4.5]), bi: ints([2], [0, 1]),
    });
    expect(mismatches).toEqual([]);
    // half_pixel: continuous coords shift by -0.5; bin centre (x, y) -> value 8 y + x
    const expectRoi = (x1: number, y1: number, x2: number, y2: number, base: number) => {
      const out: number[] = [];
      for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) {
        const cy = y1 - 0.5 + ((i + 0.5) * (y2 - y1)) / 2; const cx = x1 - 0.5 + ((j + 0.5) * (x2 - x1)) / 2;
        out.push(base + 8 * cy + cx);
      }
      return out;
    };
    const ref = [...expectRoi(1, 1, 5, 3, 0), ...expectRoi(2, 0.5, 6, 4.5, 100)];
    values.y.toArray().forEach((v, k) => expect(v).toBeCloseTo(ref[k], 4));
  });

  it('refuses opsets without a RoiAlign kernel in onnxruntime and checks rois', () => {
    const b = new GraphBuilder({ opset: 15 });
    const x = b.input('x', 'float32', [1, 1, 4, 4]);
    expect(() => roiAlign(x, b.input('r', 'float32', [1, 4]), b.input('i', 'int64', [1]), { outputSize: [2, 2] })).toThrow(/needs opset >= 16/);
    const b2 = new GraphBuilder({ opset: 17 });
    const x2 = b2.input('x', 'float32', [1, 1, 4, 4]);
    expect(() => roiAlign(x2, b2.input('r', 'float32', [1, 5]), b2.input('i', 'int64', [1]), { outputSize: [2, 2] })).toThrow(/rois must be \[R, 4\]/);
  });
});
