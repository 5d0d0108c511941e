import { findOuterContours } from '@seg/polar';

/** The mask's outer borders (Suzuki–Abe border following from @seg/polar), as x,y-interleaved pixel centres. */
export function outlines(mask: Uint8Array, width: number, height: number): Int32Array[] {
  return findOuterContours({ data: mask, width, height }).map((c) => c.points);
}
