import type { Click } from '@seg/interactive';
import type { ImageU8 } from '@seg/tensor';
import { imageToImageData } from '@seg/tensor/browser';
import { outlines, strokeOutlines } from './outline';
import { fitCanvas } from '../ui/fit-canvas';

const OVERLAY: [number, number, number, number] = [30, 144, 255, 110];

/**
 * The image with the mask overlay, its outline and the clicks. The image and mask are kept at
 * image resolution in off-screen layers; the visible canvas has the display's resolution, so the
 * outline and click markers stay sharp when a small image is enlarged. Maps pointer events to
 * image pixel coordinates.
 */
export class CanvasView {
  private image: ImageU8 | null = null;
  private readonly imageLayer = document.createElement('canvas');
  private readonly maskLayer = document.createElement('canvas');
  private contours: Int32Array[] = [];
  private clicks: readonly Click[] = [];

  constructor(readonly canvas: HTMLCanvasElement) {
    window.addEventListener('resize', () => { this.fit(); this.draw(); });
  }

  setImage(image: ImageU8): void {
    this.image = image;
    for (const c of [this.imageLayer, this.maskLayer]) { c.width = image.width; c.height = image.height; }
    this.imageLayer.getContext('2d')!.putImageData(imageToImageData(image), 0, 0);
    this.fit();
    this.setMask(null, []);
  }

  /** Sizes the canvas to show the image as large as the stage allows (small images up to 3x), at device resolution. */
  private fit(): void {
    if (this.image) fitCanvas(this.canvas, this.image, 3, 0.6);
  }

  /** Shows a mask (null clears it) and the clicks that produced it. */
  setMask(mask: Uint8Array | null, clicks: readonly Click[]): void {
    this.clicks = clicks;
    const ctx = this.maskLayer.getContext('2d')!;
    ctx.clearRect(0, 0, this.maskLayer.width, this.maskLayer.height);
    this.contours = [];
    if (mask && this.image) {
      const { width, height } = this.image;
      const rgba = new Uint8ClampedArray(width * height * 4);
      for (let i = 0; i < mask.length; i++) if (mask[i]) rgba.set(OVERLAY, i * 4);
      ctx.putImageData(new ImageData(rgba, width, height), 0, 0);
      this.contours = outlines(mask, width, height);
    }
    this.draw();
  }

  setClicks(clicks: readonly Click[]): void {
    this.clicks = clicks;
    this.draw();
  }

  private draw(): void {
    const ctx = this.canvas.getContext('2d')!;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    if (!this.image) return;
    // image coordinates from here on; `px` is one device pixel in them
    const k = this.canvas.width / this.image.width;
    const px = 1 / k;
    ctx.setTransform(k, 0, 0, k, 0, 0);
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(this.imageLayer, 0, 0);
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(this.maskLayer, 0, 0);
    strokeOutlines(ctx, this.contours, px, [4, 2]);
    const dpr = window.devicePixelRatio || 1;
    const r = 7 * dpr * px;
    for (const c of this.clicks) {
      const [x, y] = [c.x + 0.5, c.y + 0.5];
      ctx.beginPath();
      ctx.arc(x, y, r, 0, 2 * Math.PI);
      ctx.fillStyle = c.label === 1 ? '#16c60c' : '#e81123';
      ctx.fill();
      ctx.lineWidth = 2 * dpr * px;
      ctx.strokeStyle = '#fff';
      ctx.stroke();
      ctx.beginPath();
      ctx.moveTo(x - r * 0.55, y);
      ctx.lineTo(x + r * 0.55, y);
      if (c.label === 1) { ctx.moveTo(x, y - r * 0.55); ctx.lineTo(x, y + r * 0.55); }
      ctx.stroke();
    }
  }

  /** Image pixel under a pointer event, or null outside the image. */
  toImage(e: MouseEvent): { x: number; y: number } | null {
    if (!this.image) return null;
    const box = this.canvas.getBoundingClientRect();
    const x = Math.floor(((e.clientX - box.left) / box.width) * this.image.width);
    const y = Math.floor(((e.clientY - box.top) / box.height) * this.image.height);
    if (x < 0 || y < 0 || x >= this.image.width || y >= this.image.height) return null;
    return { x, y };
  }
}
