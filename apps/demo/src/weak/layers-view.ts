import type { ImageU8 } from '@seg/tensor';
import { imageToImageData } from '@seg/tensor/browser';
import { outlines, strokeOutlines } from '../ui/outline';
import { fitCanvas } from '../ui/fit-canvas';

/** What a method-1 prediction gives the view: masks at the image's size and the graph in image pixels. */
export interface WeakLayers {
  /** 0/1 predicted region. */
  mask: Uint8Array;
  /** 0/1 superpixel boundaries, or null when the model has no superpixel stage. */
  boundary: Uint8Array | null;
  /** Vertices [x, y, p] and edges [i, j, w] (i < j). */
  graph: { vertices: [number, number, number][]; edges: [number, number, number][] } | null;
}

export interface LayerToggles { boundaries: boolean; graph: boolean; region: boolean }

/** What the last draw put on the canvas, per layer (tests read it through window.segWeakDemo). */
export interface DrawnCounts { boundaryPixels: number; edges: number; vertices: number; regionPixels: number; outlines: number }

// Colours kept apart: region green (vertices use blue–red), boundaries cyan, edges white, outline yellow.
const REGION: [number, number, number, number] = [40, 215, 110, 85];
const BOUNDARY: [number, number, number, number] = [0, 225, 255, 150];
const BOUNDARY_LINE = 'rgba(0,225,255,0.75)';
/** From this enlargement on, boundaries are drawn as thin lines through the boundary pixels instead of as pixels. */
const VECTOR_BOUNDARIES_FROM = 2;
/** Edge opacity is quantised into this many bins, so a few thousand edges take a handful of strokes. */
const ALPHA_BINS = 10;
/** Vertex colours: probability 0 → blue, 0.5 → white, 1 → red, in this many bins. */
const COLOR_BINS = 11;

const lerp = (a: number, b: number, t: number): number => Math.round(a + (b - a) * t);

/** Diverging blue–white–red colour of a probability. */
export function probabilityColor(p: number): string {
  const t = Math.min(1, Math.max(0, p));
  const [r, g, b] = t < 0.5
    ? [lerp(40, 245, t * 2), lerp(110, 245, t * 2), lerp(230, 245, t * 2)]
    : [lerp(245, 225, t * 2 - 1), lerp(245, 30, t * 2 - 1), lerp(245, 45, t * 2 - 1)];
  return `rgb(${r},${g},${b})`;
}

/**
 * The image with method 1's layers: superpixel boundaries (pixels, or thin lines on an enlarged
 * tile) and the region overlay as image-size off-screen layers; the graph (edges with opacity =
 * weight, vertices coloured by the GCN's probability) and the region's outline drawn as vectors
 * at display resolution, so they stay sharp when a small tile is enlarged.
 */
export class LayersView {
  private image: ImageU8 | null = null;
  private layers: WeakLayers | null = null;
  private toggles: LayerToggles = { boundaries: true, graph: true, region: true };
  private readonly imageLayer = document.createElement('canvas');
  private readonly boundaryLayer = document.createElement('canvas');
  private readonly regionLayer = document.createElement('canvas');
  private contours: Int32Array[] = [];
  private counts = { boundaryPixels: 0, regionPixels: 0 };
  drawn: DrawnCounts = { boundaryPixels: 0, edges: 0, vertices: 0, regionPixels: 0, outlines: 0 };

  constructor(readonly canvas: HTMLCanvasElement, private readonly onDraw: (d: DrawnCounts) => void = () => undefined) {
    window.addEventListener('resize', () => { this.fit(); this.draw(); });
  }

  setImage(image: ImageU8): void {
    this.image = image;
    for (const c of [this.imageLayer, this.boundaryLayer, this.regionLayer]) { c.width = image.width; c.height = image.height; }
    this.imageLayer.getContext('2d')!.putImageData(imageToImageData(image), 0, 0);
    this.fit();
    this.setLayers(null);
  }

  /** Shows a prediction's layers (null clears them). */
  setLayers(layers: WeakLayers | null): void {
    this.layers = layers;
    this.contours = [];
    this.counts = { boundaryPixels: 0, regionPixels: 0 };
    if (this.image) {
      const { width, height } = this.image;
      this.counts.boundaryPixels = paint(this.boundaryLayer, layers?.boundary ?? null, BOUNDARY, width, height);
      this.counts.regionPixels = paint(this.regionLayer, layers?.mask ?? null, REGION, width, height);
      if (layers) this.contours = outlines(layers.mask, width, height);
    }
    this.draw();
  }

  setToggles(t: LayerToggles): void {
    this.toggles = { ...t };
    this.draw();
  }

  /** Sizes the canvas to show the image as large as the stage allows (small tiles up to 6x), at device resolution. */
  private fit(): void {
    if (this.image) fitCanvas(this.canvas, this.image, 6, 0.62);
  }

  private draw(): void {
    const ctx = this.canvas.getContext('2d')!;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    const drawn: DrawnCounts = { boundaryPixels: 0, edges: 0, vertices: 0, regionPixels: 0, outlines: 0 };
    if (this.image) {
      // image coordinates from here on; `px` is one device pixel in them
      const k = this.canvas.width / this.image.width;
      const px = 1 / k;
      ctx.setTransform(k, 0, 0, k, 0, 0);
      // crisp pixels on an enlarged tile, smooth when a large image is shrunk; overlays never smoothed
      ctx.imageSmoothingEnabled = k < 1;
      ctx.drawImage(this.imageLayer, 0, 0);
      ctx.imageSmoothingEnabled = false;
      const { boundaries, graph, region } = this.toggles;
      if (region && this.layers) {
        ctx.drawImage(this.regionLayer, 0, 0);
        drawn.regionPixels = this.counts.regionPixels;
      }
      if (boundaries && this.layers?.boundary) {
        if (k >= VECTOR_BOUNDARIES_FROM) this.drawBoundaryLines(ctx, this.layers.boundary, px);
        else ctx.drawImage(this.boundaryLayer, 0, 0);
        drawn.boundaryPixels = this.counts.boundaryPixels;
      }
      if (graph && this.layers?.graph) Object.assign(drawn, this.drawGraph(ctx, this.layers.graph, px));
      if (region && this.layers) drawn.outlines = this.drawOutline(ctx, px);
    }
    this.drawn = drawn;
    this.onDraw(drawn);
  }

  /** Edges in ALPHA_BINS strokes by weight, then vertices in COLOR_BINS fills by probability. */
  private drawGraph(ctx: CanvasRenderingContext2D, g: NonNullable<WeakLayers['graph']>, px: number): Pick<DrawnCounts, 'edges' | 'vertices'> {
    const { vertices, edges } = g;
    const img = this.image!;
    const spacing = Math.sqrt((img.width * img.height) / Math.max(1, vertices.length));
    const dpr = window.devicePixelRatio || 1;
    ctx.lineWidth = Math.max(1, Math.min(2, spacing / px / 14)) * dpr * px;
    const byAlpha: [number, number, number][][] = Array.from({ length: ALPHA_BINS }, () => []);
    for (const e of edges) byAlpha[Math.min(ALPHA_BINS - 1, Math.floor(e[2] * ALPHA_BINS))].push(e);
    byAlpha.forEach((bin, b) => {
      if (!bin.length) return;
      ctx.strokeStyle = `rgba(255,255,255,${(0.08 + 0.82 * (b + 0.5) / ALPHA_BINS).toFixed(3)})`;
      ctx.beginPath();
      for (const [i, j] of bin) {
        ctx.moveTo(vertices[i][0] + 0.5, vertices[i][1] + 0.5);
        ctx.lineTo(vertices[j][0] + 0.5, vertices[j][1] + 0.5);
      }
      ctx.stroke();
    });
    // dots a fraction of the vertex spacing, between 1.5 and 4 device pixels
    const r = Math.max(1.5 * dpr, Math.min(4 * dpr, (0.16 * spacing) / px)) * px;
    const byColor: number[][] = Array.from({ length: COLOR_BINS }, () => []);
    vertices.forEach((v, i) => byColor[Math.min(COLOR_BINS - 1, Math.round(v[2] * (COLOR_BINS - 1)))].push(i));
    ctx.lineWidth = 0.6 * dpr * px;
    ctx.strokeStyle = 'rgba(0,0,0,0.6)';
    byColor.forEach((bin, b) => {
      if (!bin.length) return;
      ctx.fillStyle = probabilityColor(b / (COLOR_BINS - 1));
      ctx.beginPath();
      for (const i of bin) {
        const [x, y] = vertices[i];
        ctx.moveTo(x + 0.5 + r, y + 0.5);
        ctx.arc(x + 0.5, y + 0.5, r, 0, 2 * Math.PI);
      }
      ctx.fill();
      ctx.stroke();
    });
    return { edges: edges.length, vertices: vertices.length };
  }

  /**
   * Thin lines joining neighbouring boundary pixels' centres (right, down, and a diagonal where no
   * right/down pair already joins them): an enlarged tile shows a wireframe, not blocks.
   */
  private drawBoundaryLines(ctx: CanvasRenderingContext2D, b: Uint8Array, px: number): void {
    const { width: W, height: H } = this.image!;
    const on = (x: number, y: number): boolean => x >= 0 && x < W && y < H && b[y * W + x] !== 0;
    ctx.strokeStyle = BOUNDARY_LINE;
    ctx.lineWidth = (window.devicePixelRatio || 1) * px;
    ctx.beginPath();
    for (let y = 0; y < H; y++) {
      for (let x = 0; x < W; x++) {
        if (!b[y * W + x]) continue;
        const cx = x + 0.5; const cy = y + 0.5;
        const right = on(x + 1, y); const down = on(x, y + 1);
        if (right) { ctx.moveTo(cx, cy); ctx.lineTo(cx + 1, cy); }
        if (down) { ctx.moveTo(cx, cy); ctx.lineTo(cx, cy + 1); }
        if (!right && !down && on(x + 1, y + 1)) { ctx.moveTo(cx, cy); ctx.lineTo(cx + 1, cy + 1); }
        if (!down && !on(x - 1, y) && on(x - 1, y + 1)) { ctx.moveTo(cx, cy); ctx.lineTo(cx - 1, cy + 1); }
      }
    }
    ctx.stroke();
  }

  private drawOutline(ctx: CanvasRenderingContext2D, px: number): number {
    strokeOutlines(ctx, this.contours, px, [3.5, 1.8]);
    return this.contours.length;
  }
}

/** Paints `color` where `mask` is set on an image-size layer; returns the number of pixels painted. */
function paint(layer: HTMLCanvasElement, mask: Uint8Array | null, color: [number, number, number, number], width: number, height: number): number {
  const ctx = layer.getContext('2d')!;
  ctx.clearRect(0, 0, width, height);
  if (!mask) return 0;
  const rgba = new Uint8ClampedArray(width * height * 4);
  let n = 0;
  for (let i = 0; i < mask.length; i++) if (mask[i]) { rgba.set(color, i * 4); n++; }
  ctx.putImageData(new ImageData(rgba, width, height), 0, 0);
  return n;
}
