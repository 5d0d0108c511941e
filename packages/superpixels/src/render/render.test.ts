import { drawBoundaries } from './overlay';
import { decodeLabels, encodeLabels } from './label-encoding';

describe('label encodings and overlays', () => {
  it('gray16 and rgb encodings round-trip', () => {
    const labels = Int32Array.from({ length: 70000 }, (_, i) => i);
    expect(Array.from(decodeLabels(encodeLabels(labels, 'rgb'), 'rgb'))).toEqual(Array.from(labels));
    const small = Int32Array.from({ length: 65536 }, (_, i) => 65535 - i);
    expect(Array.from(decodeLabels(encodeLabels(small, 'gray16'), 'gray16'))).toEqual(Array.from(small));
    // label 258 = R 2 + 256 * G 1
    expect(Array.from(encodeLabels(Int32Array.from({ length: 259 }, (_, i) => i), 'rgb').slice(3 * 258))).toEqual([2, 1, 0]);
  });

  it('refuses labels that do not fit and unknown encodings', () => {
    expect(() => encodeLabels(Int32Array.from({ length: 65537 }, (_, i) => i), 'gray16')).toThrow(/do not fit 16 bits/);
    expect(() => encodeLabels([0], 'png' as 'rgb')).toThrow(/unknown encoding 'png'/);
  });

  it('drawBoundaries paints the one-pixel boundaries and keeps other pixels', () => {
    const image = { data: new Uint8Array(9).fill(100), width: 3, height: 3, channels: 1 as const };
    const out = drawBoundaries(image, [0, 0, 1, 0, 0, 1, 0, 0, 1], [255, 0, 0]);
    expect(out.channels).toBe(3);
    const red = Array.from({ length: 9 }, (_, i) => out.data[3 * i] === 255 && out.data[3 * i + 1] === 0);
    expect(red).toEqual([false, true, false, false, true, false, false, true, false]);
    expect(Array.from(out.data.slice(0, 3))).toEqual([100, 100, 100]);
  });
});
