import { maskFromRows } from '../testdata/fixtures';
import { Rng } from '@seg/tensor';
import { labelComponents, largestComponent } from './components';
import { maskArea, maskIou } from './mask';

describe('connected components', () => {
  const m = maskFromRows([
    '1100000',
    '1100100',
    '0011100',
    '0000000',
    '0000011',
  ]);

  it('joins diagonal neighbours only with 8-connectivity', () => {
    const c8 = labelComponents(m, 8);
    expect(c8.count).toBe(2);
    expect(Array.from(c8.sizes)).toEqual([0, 8, 2]);
    expect(c8.firstPixel[1]).toBe(0);
    const c4 = labelComponents(m, 4);
    expect(c4.count).toBe(3);
    expect(Array.from(c4.sizes)).toEqual([0, 4, 4, 2]);
  });

  it('extracts the largest component', () => {
    const l = largestComponent(m)!;
    expect(l.size).toBe(8);
    expect(maskArea(l.mask)).toBe(8);
    expect(l.mask.data[4 * 7 + 5]).toBe(0);
    expect(largestComponent(maskFromRows(['000']))).toBeNull();
  });

  it('IoU of masks and shape checks', () => {
    const a = maskFromRows(['1100']), b = maskFromRows(['0110']);
    expect(maskIou(a, b)).toBeCloseTo(1 / 3, 12);
    expect(() => maskIou(a, maskFromRows(['11']))).toThrow(/sizes differ/);
    expect(() => labelComponents({ data: new Uint8Array(3), width: 2, height: 2 })).toThrow(/3 values but 2 x 2/);
  });
});

describe('run-based components vs flood fill', () => {
  it('agree on random masks for both connectivities', () => {
    const rng = new Rng(21);
    for (let t = 0; t < 40; t++) {
      const w = 5 + rng.int(20), h = 5 + rng.int(20);
      const data = Uint8Array.from({ length: w * h }, () => (rng.random() < 0.45 ? 1 : 0));
      for (const conn of [4, 8] as const) {
        // reference: flood fill in raster order
        const ref = new Int32Array(w * h);
        let count = 0;
        for (let s = 0; s < w * h; s++) {
          if (!data[s] || ref[s]) continue;
          ref[s] = ++count;
          const stack = [s];
          while (stack.length) {
            const p = stack.pop()!;
            const x = p % w, y = (p - x) / w;
            for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
              if ((!dx && !dy) || (conn === 4 && dx && dy)) continue;
              const xx = x + dx, yy = y + dy;
              if (xx < 0 || yy < 0 || xx >= w || yy >= h) continue;
              const q = yy * w + xx;
              if (data[q] && !ref[q]) { ref[q] = count; stack.push(q); }
            }
          }
        }
        const got = labelComponents({ data, width: w, height: h }, conn);
        expect(got.count).toBe(count);
        expect(Array.from(got.labels)).toEqual(Array.from(ref));
      }
    }
  });
});
