import { labelMap, relabelSequential } from './label-map';

describe('label maps', () => {
  it('infers the count as max label + 1 and accepts a larger one', () => {
    expect(labelMap(Int32Array.from([2, 0, 2, 1]), 2, 2).count).toBe(3);
    expect(labelMap(Int32Array.from([2, 0, 2, 1]), 2, 2, 7).count).toBe(7);
    expect(() => labelMap(Int32Array.from([2, 0, 2, 1]), 2, 2, 2)).toThrow(/count 2 is less than max label \+ 1 = 3/);
  });

  it('relabels sequentially in order of first appearance', () => {
    const { map, original } = relabelSequential([7, 7, 3, 900, 3, 7], 2, 3);
    expect([...map.labels]).toEqual([0, 0, 1, 2, 1, 0]);
    expect([...original]).toEqual([7, 3, 900]);
    expect(map.count).toBe(3);
  });
});
