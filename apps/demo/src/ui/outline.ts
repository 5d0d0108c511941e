import { findOuterContours } from '@seg/polar';

/** The mask's outer borders (Suzuki–Abe border following from @seg/polar), as x,y-interleaved pixel centres. */
export function outlines(mask: Uint8Array, width: number, height: number): Int32Array[] {
  return findOuterContours({ data: mask, width, height }).map((c) => c.points);
}

/**
 * Strokes contours (from outlines()) as a dark halo under a yellow line, so they read on any
 * image; widths are in screen pixels, `px` is the size of one screen pixel in the context's units.
 */
export function strokeOutlines(ctx: CanvasRenderingContext2D, contours: readonly Int32Array[], px: number, widths: [halo: number, line: number]): void {
  const dpr = window.devicePixelRatio || 1;
  ctx.lineJoin = 'round';
  for (const [color, width] of [['rgba(0,0,0,0.55)', widths[0]], ['#ffd400', widths[1]]] as const) {
    ctx.strokeStyle = color;
    ctx.lineWidth = width * dpr * px;
    for (const p of contours) {
      ctx.beginPath();
      ctx.moveTo(p[0] + 0.5, p[1] + 0.5);
      for (let i = 2; i < p.length; i += 2) ctx.lineTo(p[i] + 0.5, p[i + 1] + 0.5);
      ctx.closePath();
      ctx.stroke();
    }
  }
}
