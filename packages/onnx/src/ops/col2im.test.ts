import { Tensor } from '@seg/tensor';
import { GraphBuilder } from '../builder/graph-builder';
import { runAll } from '../testing/run-graph';
import { col2im } from './col2im';

describe('Col2Im', () => {
  it('sums overlapping blocks back into the image (counts of overlaps for all-ones columns)', async () => {
    const b = new GraphBuilder({ opset: 18 });
    const x = b.input('x', 'float32', [1, 2 * 4, 6]);
    const y = col2im(x, [3, 4], [2, 2]);
    expect(y.dims).toEqual([1, 2, 3, 4]);
    b.output(y, 'y');
    const ones = new Tensor('float32', [1, 8, 6]); ones.data.fill(1);
    const { values, mismatches } = await runAll(b, { x: ones });
    expect(mismatches).toEqual([]);
    expect(values.y.toArray().slice(0, 12)).toEqual([1, 2, 2, 1, 2, 4, 4, 2, 1, 2, 2, 1]);
  });

  it('checks the block count and the opset', () => {
    const b = new GraphBuilder({ opset: 18 });
    expect(() => col2im(b.input('x', 'float32', [1, 8, 5]), [3, 4], [2, 2])).toThrow(/input has 5 blocks.*gives 6/);
    const old = new GraphBuilder({ opset: 17 });
    expect(() => col2im(old.input('x', 'float32', [1, 8, 6]), [3, 4], [2, 2])).toThrow(/needs opset >= 18/);
  });
});
