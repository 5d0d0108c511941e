import { Rng } from '../rng';
import { Tensor } from '../tensor';
import { createImage } from './image';
import { resizeImage, resizeMap } from './resize';

const map = (h: number, w: number, values: number[]) => Tensor.fromArray('float32', [h, w], values);

describe('resize: bilinear (half-pixel centres)', () => {
  it('upscales 2x2 to 4x4 as computed by hand (= torch bilinear, align_corners=False)', () => {
    const out = resizeMap(map(2, 2, [0, 10, 20, 30]), { width: 4, height: 4 });
    expect(out.toArray()).toEqual([0, 2.5, 7.5, 10, 5, 7.5, 12.5, 15, 15, 17.5, 22.5, 25, 20, 22.5, 27.5, 30]);
  });

  it('rounds uint8 images half up', () => {
    const img = createImage(2, 2, 1, new Uint8Array([0, 10, 20, 30]));
    expect(Array.from(resizeImage(img, { width: 4, height: 4 }).data)).toEqual([0, 3, 8, 10, 5, 8, 13, 15, 15, 18, 23, 25, 20, 23, 28, 30]);
  });

  it('downscales 4 -> 2 by averaging pixel pairs (no antialiasing beyond that)', () => {
    const out = resizeMap(map(1, 4, [0, 4, 8, 20]), { width: 2, height: 1 });
    expect(out.toArray()).toEqual([2, 14]);
    // 6 -> 2: centres land on pixels 1 and 4, exactly
    expect(resizeMap(map(1, 6, [0, 1, 2, 3, 4, 5]), { width: 2, height: 1 }).toArray()).toEqual([1, 4]);
  });

  it('keeps a constant image constant at any size', () => {
    const img = createImage(5, 3, 3);
    for (let i = 0; i < img.data.length; i += 3) img.data.set([17, 130, 255], i);
    for (const [w, h] of [[1, 1], [2, 7], [11, 4], [5, 3], [13, 9]]) {
      const out = resizeImage(img, { width: w, height: h });
      for (let i = 0; i < out.data.length; i += 3) expect([out.data[i], out.data[i + 1], out.data[i + 2]]).toEqual([17, 130, 255]);
    }
  });

  it('keeps a linear ramp linear: output = ramp at the clamped half-pixel source coordinate', () => {
    const inH = 6, inW = 9;
    const ramp = (x: number, y: number) => 0.75 * x - 1.5 * y + 3;
    const t = new Tensor('float64', [inH, inW]);
    for (let y = 0; y < inH; y++) for (let x = 0; x < inW; x++) t.data[y * inW + x] = ramp(x, y);
    const clamp = (v: number, hi: number) => Math.min(Math.max(v, 0), hi);
    for (const [outW, outH] of [[17, 13], [4, 3], [9, 6], [23, 5]]) {
      const out = resizeMap(t, { width: outW, height: outH });
      for (let y = 0; y < outH; y++) for (let x = 0; x < outW; x++) {
        const sx = clamp((x + 0.5) * inW / outW - 0.5, inW - 1);
        const sy = clamp((y + 0.5) * inH / outH - 0.5, inH - 1);
        expect(out.data[y * outW + x]).toBeCloseTo(ramp(sx, sy), 10);
      }
    }
  });

  it('resizes every plane of an NCHW map independently, and HWC images like their channel planes', () => {
    const rng = new Rng(3);
    const t = new Tensor('float32', [2, 3, 5, 7]);
    rng.fillNormal(t.data);
    const out = resizeMap(t, { width: 4, height: 9 });
    expect(out.dims).toEqual([2, 3, 9, 4]);
    const plane = new Tensor('float32', [5, 7], t.data.slice(35 * 4, 35 * 5)); // n=1, c=1
    expect(Array.from(out.data.subarray(36 * 4, 36 * 5))).toEqual(resizeMap(plane, { width: 4, height: 9 }).toArray());

    const img = createImage(7, 5, 3);
    for (let i = 0; i < img.data.length; i++) img.data[i] = (i * 37) % 256;
    const r = resizeImage(img, { width: 11, height: 3 });
    for (let c = 0; c < 3; c++) {
      const p = new Tensor('uint8', [5, 7]);
      for (let i = 0; i < 35; i++) p.data[i] = img.data[i * 3 + c];
      const rp = resizeMap(p, { width: 11, height: 3 });
      for (let i = 0; i < 33; i++) expect(r.data[i * 3 + c]).toBe(rp.data[i]);
    }
  });
});

describe('resize: nearest (half-pixel centres)', () => {
  it('picks the pixel whose cell holds the output centre', () => {
    expect(resizeMap(map(1, 4, [1, 2, 3, 4]), { width: 2, height: 1, mode: 'nearest' }).toArray()).toEqual([2, 4]);
    expect(resizeMap(map(1, 2, [1, 2]), { width: 4, height: 1, mode: 'nearest' }).toArray()).toEqual([1, 1, 2, 2]);
    expect(resizeMap(map(1, 3, [1, 2, 3]), { width: 2, height: 1, mode: 'nearest' }).toArray()).toEqual([1, 3]);
    expect(resizeMap(map(1, 2, [1, 2]), { width: 3, height: 1, mode: 'nearest' }).toArray()).toEqual([1, 2, 2]);
  });

  it('undoes an integer upscale exactly and keeps label maps exact in any dtype', () => {
    const labels = Tensor.fromArray('int64', [2, 3], [0, 7, 2, 9, 1, 255]);
    const up = resizeMap(labels, { width: 9, height: 6, mode: 'nearest' });
    expect(up.dtype).toBe('int64');
    expect(resizeMap(up, { width: 3, height: 2, mode: 'nearest' }).toArray()).toEqual(labels.toArray());
    const img = createImage(3, 2, 4);
    img.data.forEach((_, i) => { img.data[i] = i * 9; });
    const back = resizeImage(resizeImage(img, { width: 12, height: 8, mode: 'nearest' }), { width: 3, height: 2, mode: 'nearest' });
    expect(Array.from(back.data)).toEqual(Array.from(img.data));
  });
});

describe('resize: errors', () => {
  it('names the problem', () => {
    const t = map(2, 2, [0, 1, 2, 3]);
    expect(() => resizeMap(t, { width: 0, height: 2 })).toThrow(/target size must be positive integers, got 0x2/);
    expect(() => resizeMap(t, { width: 2, height: 2, mode: 'cubic' as never })).toThrow(/unknown mode 'cubic'/);
    expect(() => resizeMap(Tensor.fromArray('int32', [1, 2], [1, 2]), { width: 4, height: 1 })).toThrow(/bilinear needs a float32, float64 or uint8 map, got int32/);
    expect(() => resizeMap(Tensor.fromArray('float32', [2], [1, 2]), { width: 4, height: 1 })).toThrow(/expected at least \[H, W\], got \[2\]/);
    expect(() => resizeImage(createImage(0, 3, 1), { width: 4, height: 1 })).toThrow(/cannot resize an empty 0x3 input/);
  });
});
