/**
 * Scratch buffers SLIC reuses from call to call: the interleaved features, the per-pixel
 * distance buffer (also the connectivity queue) and the coarse features. A fresh multi-megabyte typed array costs a page
 * fault per 4 KiB on first touch — on this project's machines that was ~3 ms per MiB, as much as a
 * whole k-means iteration — so repeated calls (a data set, video frames) keep them. Only the
 * returned label map is allocated per call.
 */
export class SlicWorkspace {
  private features = new Float32Array(0);
  private distance = new Float32Array(0);
  private coarse = new Float32Array(0);

  /** A view of at least `size` floats for interleaved features (contents undefined). */
  featureBuffer(size: number): Float32Array {
    if (this.features.length < size) this.features = new Float32Array(size);
    return this.features.subarray(0, size);
  }

  /** A view of `size` floats for per-pixel distances (contents undefined). */
  distanceBuffer(size: number): Float32Array {
    if (this.distance.length < size) this.distance = new Float32Array(size);
    return this.distance.subarray(0, size);
  }

  /** A view of `size` floats for the block-averaged features of the coarse iterations. */
  coarseBuffer(size: number): Float32Array {
    if (this.coarse.length < size) this.coarse = new Float32Array(size);
    return this.coarse.subarray(0, size);
  }

  /** Bytes currently held. */
  get bytes(): number {
    return this.features.byteLength + this.distance.byteLength + this.coarse.byteLength;
  }

  /** Drops the buffers (the next call allocates again). */
  release(): void {
    this.features = new Float32Array(0);
    this.distance = new Float32Array(0);
    this.coarse = new Float32Array(0);
  }
}

/**
 * The workspace used when a call names none: it keeps about (1.25 C + 1) * 4 bytes per pixel of the
 * largest map segmented so far (16 MiB for a 1000 x 1000 Lab image) until `release()`.
 */
export const defaultSlicWorkspace = new SlicWorkspace();
