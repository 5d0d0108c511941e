import { Rng } from '@seg/tensor';
import { componentsPerLabel } from '../testing/synthetic';
import { enforceConnectivity } from './connectivity';

/** Every label 0..count-1 used, each exactly one 4-connected component. */
function expectConnectedContiguous(labels: Int32Array, width: number, height: number, count: number): void {
  const comps = componentsPerLabel(labels, width, height);
  expect(comps.length).toBe(count);
  for (let k = 0; k < count; k++) expect(comps[k]).toBe(1);
}

describe('enforceConnectivity', () => {
  it('splits a label made of two separate pieces when both are big enough', () => {
    // Label 0 on the left and right thirds, label 1 in the middle: three fragments.
    const w = 9;
    const h = 4;
    const labels = Int32Array.from({ length: w * h }, (_, i) => ((i % w) >= 3 && (i % w) < 6 ? 1 : 0));
    const out = enforceConnectivity(labels, w, h, 5);
    expect(out.count).toBe(3);
    expectConnectedContiguous(out.labels, w, h, out.count);
    // Numbered in raster order of first pixel.
    expect(Array.from(out.labels.slice(0, w))).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2]);
  });

  it('merges a fragment smaller than minSize into the largest neighbour it touches', () => {
    // A 6x6 map: left 2 columns label 5, rest label 6, and one stray pixel of label 5 at (4, 4).
    const w = 6;
    const labels = Int32Array.from({ length: 36 }, (_, i) => ((i % w) < 2 ? 5 : 6));
    labels[4 * w + 4] = 5;
    const out = enforceConnectivity(labels, w, w, 3);
    expect(out.count).toBe(2);
    expect(out.labels[4 * w + 4]).toBe(out.labels[4 * w + 3]);
    // A 1-pixel island (label 9) touching two final regions joins the larger: region 1 (8 px)
    // rather than region 0 (3 px).
    const island = Int32Array.from([0, 0, 1, 1, 0, 9, 1, 1, 1, 1, 1, 1]);
    const r = enforceConnectivity(island, 4, 3, 2);
    expect(r.labels[5]).toBe(r.labels[6]);
    expect(r.labels[5]).not.toBe(r.labels[0]);
    expect(r.count).toBe(2);
  });

  it('merges a small top-left fragment, keeping labels contiguous', () => {
    const w = 5;
    const labels = new Int32Array(25).fill(3);
    labels[0] = 8;
    const out = enforceConnectivity(labels, w, w, 2);
    expect(out.count).toBe(1);
    expect(Array.from(new Set(out.labels))).toEqual([0]);
  });

  it('random label maps: contiguous labels, one 4-connected region each, no fragment below minSize unless isolated', () => {
    const rng = new Rng(11);
    for (const [w, h, k, minSize] of [[31, 17, 6, 4], [20, 20, 40, 3], [64, 9, 3, 10], [1, 30, 4, 2], [30, 1, 4, 2]]) {
      const labels = Int32Array.from({ length: w * h }, () => rng.int(k));
      const out = enforceConnectivity(labels, w, h, minSize);
      expectConnectedContiguous(out.labels, w, h, out.count);
      const sizes = new Int32Array(out.count);
      for (const v of out.labels) sizes[v]++;
      if (out.count > 1) for (const s of sizes) expect(s).toBeGreaterThanOrEqual(minSize);
    }
  });

  it('rejects a label map of the wrong size and a negative minSize', () => {
    expect(() => enforceConnectivity(new Int32Array(5), 2, 3, 1)).toThrow(/expected 2x3/);
    expect(() => enforceConnectivity(new Int32Array(6), 2, 3, -1)).toThrow(/minSize/);
  });
});
