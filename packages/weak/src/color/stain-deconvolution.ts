/**
 * Colour deconvolution of stained tissue (Ruifrok & Johnston, "Quantification of histochemical
 * staining by color deconvolution", Anal. Quant. Cytol. Histol. 23(4), 2001): Beer–Lambert optical
 * density OD_c = -log10(I_c / I0) is a linear mix of the stains, OD = C · M with one unit-length
 * stain vector per row of M, so the per-stain concentrations are C = OD · M⁻¹.
 */

/** A stain matrix: three stain OD vectors (rows, RGB order), normalised to unit length on use. */
export type StainMatrix = readonly [readonly number[], readonly number[], readonly number[]];

/** Haematoxylin, eosin and DAB vectors of Ruifrok & Johnston (the values scikit-image uses). */
export const HED_STAINS: StainMatrix = [
  [0.65, 0.70, 0.29],
  [0.07, 0.99, 0.11],
  [0.27, 0.57, 0.78],
];

/** Incident light intensity I0 of 8-bit images. */
export const I0 = 255;

/** Optical density of one 8-bit intensity; intensities below 1 are clamped to 1 (OD ≤ log10 255). */
export function opticalDensity(intensity: number): number {
  return -Math.log10(Math.max(intensity, 1) / I0);
}

function normalizeRows(m: StainMatrix): number[][] {
  return m.map((row, i) => {
    if (row.length !== 3) throw new Error(`stain matrix: row ${i} has ${row.length} values, expected 3 (R, G, B)`);
    const n = Math.hypot(row[0], row[1], row[2]);
    if (!(n > 0) || !Number.isFinite(n)) throw new Error(`stain matrix: row ${i} must be a non-zero finite vector, got [${row.join(', ')}]`);
    return row.map((v) => v / n);
  });
}

/** Inverse of a 3x3 matrix (adjugate over determinant); a singular stain matrix is an error. */
export function invert3x3(m: readonly (readonly number[])[]): number[][] {
  const [[a, b, c], [d, e, f], [g, h, i]] = m;
  const A = e * i - f * h; const B = -(d * i - f * g); const C = d * h - e * g;
  const det = a * A + b * B + c * C;
  if (Math.abs(det) < 1e-12) throw new Error(`stain matrix is singular (determinant ${det}); the three stain vectors must be linearly independent`);
  return [
    [A / det, -(b * i - c * h) / det, (b * f - c * e) / det],
    [B / det, (a * i - c * g) / det, -(a * f - c * d) / det],
    [C / det, -(a * h - b * g) / det, (a * e - b * d) / det],
  ];
}

/** M⁻¹ of a stain matrix with unit-length rows: concentrations = OD (row vector) · M⁻¹. */
export function deconvolutionMatrix(stains: StainMatrix = HED_STAINS): number[][] {
  return invert3x3(normalizeRows(stains));
}

/**
 * Stain concentrations of an interleaved 8-bit RGB(A) image, planar [3, H, W] float32: plane 0 is
 * the first stain (haematoxylin for HED_STAINS), 1 the second, 2 the third. Negative values are
 * kept (they are noise around 0; clamping would bias region means).
 */
export function stainConcentrations(rgb: Uint8Array | Uint8ClampedArray, width: number, height: number, channels: number, stains: StainMatrix = HED_STAINS): Float32Array {
  if (channels !== 3 && channels !== 4) throw new Error(`stainConcentrations: expected an RGB or RGBA image, got ${channels} channels`);
  const n = width * height;
  if (rgb.length !== n * channels) throw new Error(`stainConcentrations: expected ${width}x${height}x${channels} = ${n * channels} bytes, got ${rgb.length}`);
  const inv = deconvolutionMatrix(stains);
  // A 256-entry OD table: the log is the costly part and intensities are 8-bit.
  const od = new Float64Array(256);
  for (let v = 0; v < 256; v++) od[v] = opticalDensity(v);
  const out = new Float32Array(3 * n);
  for (let p = 0, q = 0; p < n; p++, q += channels) {
    const r = od[rgb[q]]; const g = od[rgb[q + 1]]; const b = od[rgb[q + 2]];
    out[p] = r * inv[0][0] + g * inv[1][0] + b * inv[2][0];
    out[n + p] = r * inv[0][1] + g * inv[1][1] + b * inv[2][1];
    out[2 * n + p] = r * inv[0][2] + g * inv[1][2] + b * inv[2][2];
  }
  return out;
}

/** The haematoxylin plane [H, W] of an RGB(A) image: high where nuclei are (they bind haematoxylin). */
export function haematoxylin(rgb: Uint8Array | Uint8ClampedArray, width: number, height: number, channels: number): Float32Array {
  return stainConcentrations(rgb, width, height, channels).subarray(0, width * height);
}
