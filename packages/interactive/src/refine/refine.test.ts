import type { LabelMap } from '@seg/superpixels';
import { keepClickedComponents, keepClickedSuperpixels } from './components';
import { graphCutSuperpixels } from './graph-cut';
import { regionMeans, superpixelGraph } from './superpixel-graph';

/** A 6x4 image split into 2x2 blocks (3 x 2 superpixels), with a colour per block. */
function blocks(colours: number[][]): { rgb: Uint8Array; sp: LabelMap } {
  const W = 6, H = 4;
  const labels = new Int32Array(W * H);
  const rgb = new Uint8Array(W * H * 3);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    const l = Math.floor(y / 2) * 3 + Math.floor(x / 2);
    labels[y * W + x] = l;
    rgb.set(colours[l], (y * W + x) * 3);
  }
  return { rgb, sp: { labels, width: W, height: H, count: 6 } };
}

describe('superpixel graph', () => {
  it('measures areas, centroids, colours, shared boundaries and border contact', () => {
    const { rgb, sp } = blocks([[255, 255, 255], [0, 0, 0], [255, 0, 0], [0, 255, 0], [0, 0, 255], [128, 128, 128]]);
    const g = superpixelGraph(rgb, 3, sp);
    expect(Array.from(g.area)).toEqual([4, 4, 4, 4, 4, 4]);
    expect([g.cx[4], g.cy[4]]).toEqual([2.5, 2.5]);
    expect(g.lab[0]).toBeCloseTo(100, 3); // white: L = 100
    expect(g.lab[3]).toBeCloseTo(0, 3); // black: L = 0
    const edges = Array.from(g.src).map((s, e) => `${s}-${g.dst[e]}:${g.boundary[e]}`).sort();
    expect(edges).toEqual(['0-1:2', '0-3:2', '1-2:2', '1-4:2', '2-5:2', '3-4:2', '4-5:2']);
    const nbrs = (v: number) => Array.from(g.nbr.subarray(g.offsets[v], g.offsets[v + 1])).sort();
    expect(nbrs(1)).toEqual([0, 2, 4]);
    expect(Array.from(g.onBorder)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(Array.from(regionMeans(sp, Float32Array.from({ length: 24 }, (_, i) => (i % 6 < 2 ? 1 : 0))))).toEqual([1, 0, 0, 1, 0, 0]);
    expect(() => superpixelGraph(rgb.subarray(3), 3, sp)).toThrow(/image has 69 bytes, expected 6x4x3/);
  });
});

describe('graph cut on superpixels', () => {
  const grey = [200, 200, 200];
  const { rgb, sp } = blocks([grey, grey, grey, grey, grey, grey]);
  const g = superpixelGraph(rgb, 3, sp);

  it('follows the unaries without smoothness and smooths away a weak outlier with it', () => {
    const p = Float32Array.from([0.9, 0.9, 0.45, 0.9, 0.9, 0.9]);
    const free = new Int8Array(6).fill(-1);
    expect(Array.from(graphCutSuperpixels(g, p, free, { smoothness: 0 }))).toEqual([1, 1, 0, 1, 1, 1]);
    expect(Array.from(graphCutSuperpixels(g, p, free, { smoothness: 1 }))).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('honours clicked superpixels whatever the unaries say', () => {
    const p = Float32Array.from([0.99, 0.99, 0.99, 0.99, 0.99, 0.99]);
    const fixed = Int8Array.from([-1, -1, 0, -1, -1, -1]);
    expect(Array.from(graphCutSuperpixels(g, p, fixed, { smoothness: 1 }))).toEqual([1, 1, 0, 1, 1, 1]);
    // a strong smoothness may flip the unclicked neighbours, never the clicked one
    expect(graphCutSuperpixels(g, p, fixed, { smoothness: 100 })[2]).toBe(0);
    expect(graphCutSuperpixels(g, p, Int8Array.from([-1, -1, 1, -1, -1, -1]), { smoothness: 100 }).every((v) => v === 1)).toBe(true);
  });

  it('cuts along colour edges: contrast makes a boundary between different colours cheap', () => {
    const two = blocks([[250, 250, 250], [250, 250, 250], [10, 10, 10], [250, 250, 250], [250, 250, 250], [10, 10, 10]]);
    const gc = superpixelGraph(two.rgb, 3, two.sp);
    // the middle column is undecided; it joins the side whose colour it shares
    const p = Float32Array.from([0.95, 0.5, 0.05, 0.95, 0.5, 0.05]);
    expect(Array.from(graphCutSuperpixels(gc, p, new Int8Array(6).fill(-1), { smoothness: 2 }))).toEqual([1, 1, 0, 1, 1, 0]);
  });
});

describe('clicked components', () => {
  it('drops object regions without a click of their class (pixels and superpixels agree)', () => {
    // 6x4: class 1 in blocks 0 and 2 (not touching), class 2 in block 4
    const { rgb, sp } = blocks(Array.from({ length: 6 }, () => [0, 0, 0]));
    const g = superpixelGraph(rgb, 3, sp);
    const perRegion = Uint8Array.from([1, 0, 1, 0, 2, 0]);
    const clicks = [{ x: 0, y: 0, label: 1 }, { x: 3, y: 3, label: 2 }, { x: 5, y: 3, label: 0 }];
    const labels = keepClickedSuperpixels(g, perRegion.slice(), clicks, clicks.map((c) => sp.labels[c.y * 6 + c.x]));
    expect(Array.from(labels)).toEqual([1, 0, 0, 0, 2, 0]);
    const mask = Uint8Array.from(sp.labels, (l) => perRegion[l]);
    keepClickedComponents(mask, 6, 4, clicks);
    expect(Array.from(mask)).toEqual(Array.from(sp.labels, (l) => labels[l]));
    // without a positive click nothing survives
    expect(Array.from(keepClickedComponents(Uint8Array.from(sp.labels, (l) => perRegion[l]), 6, 4, [{ x: 1, y: 1, label: 0 }])).every((v) => v === 0)).toBe(true);
  });
});
