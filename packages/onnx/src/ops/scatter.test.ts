import { GraphBuilder } from '../builder/graph-builder';
import { runAll } from '../testing/run-graph';
import { ints } from '../testing/tensors';
import { Tensor } from '@seg/tensor';
import { scatterElements, scatterND } from './scatter';

describe('ScatterElements, ScatterND', () => {
  it('overwrite, and accumulate duplicates with reduction add', async () => {
    const b = new GraphBuilder({ opset: 17 });
    const data = b.input('data', 'float32', [2, 4]);
    const idx = b.input('idx', 'int64', [2, 3]);
    const upd = b.input('upd', 'float32', [2, 3]);
    const nd = b.input('nd', 'int64', [3, 2]);
    const ndu = b.input('ndu', 'float32', [3]);
    const se = scatterElements(data, idx, upd, 1, 'add');
    const sn = scatterND(data, nd, ndu, 'add');
    const rows = scatterND(data, b.constant(ints([1, 1], [1])), b.constant(Tensor.fromArray('float32', [1, 4], [7, 7, 7, 7])));
    expect([se.dims, sn.dims, rows.dims]).toEqual([[2, 4], [2, 4], [2, 4]]);
    b.output(se, 'se'); b.output(sn, 'sn'); b.output(rows, 'rows');
    const zeros = new Tensor('float32', [2, 4]);
    const { values, mismatches } = await runAll(b, {
      data: zeros,
      idx: ints([2, 3], [1, 1, 3, 0, 0, 0]),
      upd: Tensor.fromArray('float32', [2, 3], [1, 2, 3, 4, 5, 6]),
      nd: ints([3, 2], [0, 1, 0, 1, 1, 2]),
      ndu: Tensor.fromArray('float32', [3], [10, 20, 30]),
    });
    expect(mismatches).toEqual([]);
    expect(values.se.toArray()).toEqual([0, 3, 0, 3, 15, 0, 0, 0]);
    expect(values.sn.toArray()).toEqual([0, 30, 0, 0, 0, 0, 30, 0]);
    expect(values.rows.toArray()).toEqual([0, 0, 0, 0, 7, 7, 7, 7]);
  });

  it('requires opset 16 for reduction add and checks the updates shape', () => {
    const b = new GraphBuilder({ opset: 15 });
    const data = b.input('data', 'float32', [2, 4]);
    const idx = b.input('idx', 'int64', [2, 3]);
    expect(() => scatterElements(data, idx, b.input('u', 'float32', [2, 3]), 1, 'add')).toThrow(/reduction 'add' needs opset >= 16, the builder is at 15/);
    expect(() => scatterND(data, b.input('i2', 'int64', [3, 1]), b.input('u2', 'float32', [3, 5]))).toThrow(/updates must be \[3, 4\]/);
  });
});
