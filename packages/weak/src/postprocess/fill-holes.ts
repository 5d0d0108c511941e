/**
 * Fills the holes of a binary mask: background pixels that cannot reach the image border through
 * background (4-connected) become foreground, as scipy.ndimage.binary_fill_holes does. Nuclei are
 * solid; a pixel model at full resolution leaves pale chromatin inside some of them unsegmented.
 * Returns a new mask (0/1); the input is not modified.
 */
export function fillHoles(mask: ArrayLike<number>, width: number, height: number): Uint8Array {
  const n = width * height;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) throw new Error(`fillHoles: size must be positive integers, got ${width}x${height}`);
  if (mask.length !== n) throw new Error(`fillHoles: mask has ${mask.length} pixels, expected ${width}x${height} = ${n}`);
  // Step 1: flood the background from every border pixel.
  const outside = new Uint8Array(n);
  const queue = new Int32Array(n);
  let head = 0; let tail = 0;
  const seed = (i: number): void => {
    if (!mask[i] && !outside[i]) { outside[i] = 1; queue[tail++] = i; }
  };
  for (let x = 0; x < width; x++) { seed(x); seed((height - 1) * width + x); }
  for (let y = 0; y < height; y++) { seed(y * width); seed(y * width + width - 1); }
  while (head < tail) {
    const i = queue[head++];
    const x = i % width;
    if (x > 0) seed(i - 1);
    if (x < width - 1) seed(i + 1);
    if (i >= width) seed(i - width);
    if (i < n - width) seed(i + width);
  }
  // Step 2: everything the flood did not reach is object or hole.
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = outside[i] ? 0 : 1;
  return out;
}
