/** Vertex pseudo-label values: foreground, background, and unlabelled (ignored by the loss). */
export const FOREGROUND = 1;
export const BACKGROUND = 0;
export const UNLABELLED = -1;

/** Per-vertex pseudo-labels and what they add up to. */
export interface PseudoLabels {
  /** 1 foreground, 0 background, -1 unlabelled. */
  labels: Int8Array;
  foreground: number;
  background: number;
  /** Pixel areas of the two classes (the vertex counts for the count rule). */
  foregroundArea: number;
  backgroundArea: number;
}

/** Checks an area ratio r in [0, 1] and an estimated error e >= 0. */
export function checkRatio(ratio: number, error: number): void {
  if (!(ratio >= 0 && ratio <= 1)) throw new Error(`pseudo-labels: area ratio must be in [0, 1], got ${ratio}`);
  if (!(error >= 0) || !Number.isFinite(error)) throw new Error(`pseudo-labels: estimated error must be a finite number >= 0, got ${error}`);
}
