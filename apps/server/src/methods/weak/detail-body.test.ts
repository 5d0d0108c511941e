import type { WeakPredictionDetail } from '@seg/weak';
import { boundaryPixels, detailGraph } from './detail-body';

/** Two superpixels side by side on a 4 x 2 working map (left half 0, right half 1). */
const detail: WeakPredictionDetail = {
  width: 4, height: 2,
  labels: Int32Array.from([0, 0, 1, 1, 0, 0, 1, 1]),
  vertices: { count: 2, x: Float32Array.from([1.04999, 5.5]), y: Float32Array.from([1.5, 1.5]), probability: Float32Array.from([0.12345, 0.98765]) },
  edges: { src: Int32Array.from([0]), dst: Int32Array.from([1]), weight: Float32Array.from([0.33333]), sigma: 0.123456 },
};

describe('prediction detail as JSON', () => {
  it('draws one-pixel boundaries at the image size from a downscaled label map', () => {
    // 2x upscale: the label changes between columns 3 and 4, so column 3 is the (one-sided) boundary
    const b = boundaryPixels(detail, 8, 4);
    const expected = new Uint8Array(32);
    for (let y = 0; y < 4; y++) expected[y * 8 + 3] = 255;
    expect(Array.from(b)).toEqual(Array.from(expected));
    expect(Array.from(boundaryPixels(detail, 4, 2))).toEqual([0, 255, 0, 0, 0, 255, 0, 0]);
  });

  it('rounds vertices to 0.1 px and probabilities and weights to 3 decimals', () => {
    expect(detailGraph(detail)).toEqual({ vertices: [[1, 1.5, 0.123], [5.5, 1.5, 0.988]], edges: [[0, 1, 0.333]], sigma: 0.1235 });
  });
});
