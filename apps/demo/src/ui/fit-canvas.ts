/**
 * Sizes a canvas to show an image as large as its stage allows (at most `maxScale` times its own
 * size, at most `heightFraction` of the window high), at device resolution.
 */
export function fitCanvas(canvas: HTMLCanvasElement, image: { width: number; height: number }, maxScale: number, heightFraction: number): void {
  const stage = canvas.parentElement;
  const availW = Math.max(100, (stage?.clientWidth ?? window.innerWidth) - 24);
  const availH = Math.max(100, window.innerHeight * heightFraction);
  const scale = Math.min(availW / image.width, availH / image.height, maxScale);
  const w = Math.max(1, Math.floor(image.width * scale));
  const h = Math.max(1, Math.floor(image.height * scale));
  const dpr = window.devicePixelRatio || 1;
  canvas.style.width = `${w}px`;
  canvas.style.height = `${h}px`;
  canvas.width = Math.round(w * dpr);
  canvas.height = Math.round(h * dpr);
}
