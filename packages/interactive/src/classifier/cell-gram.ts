import type { FeatureGrid } from '../features/feature-grid';
import type { SparseRows } from '../clicks/rows';
import type { CellProducts } from './products';

/**
 * Dot products between the grid cells that training rows have touched, for one image. Clicks
 * accumulate, so each click only adds the products of its few new cells with the cells seen so far
 * (the border stand-ins are computed once per image): the C-dimensional work per click is
 * (new cells) x (known cells) x C instead of rows² x C.
 */
export class CellGram {
  private readonly slot: Int32Array;
  private cellsSeen: number[] = [];
  private k: Float64Array;
  private capacity: number;

  constructor(readonly grid: FeatureGrid, private readonly engine: CellProducts, initialCapacity = 512) {
    this.slot = new Int32Array(grid.width * grid.height).fill(-1);
    this.capacity = initialCapacity;
    this.k = new Float64Array(initialCapacity * initialCapacity);
  }

  /** Number of cells with known products. */
  get size(): number { return this.cellsSeen.length; }

  /** Makes sure every cell that `rows` uses has its products with all known cells. */
  async addRows(rows: SparseRows): Promise<void> {
    const fresh: number[] = [];
    for (let i = 0; i < rows.cells.length; i++) {
      const c = rows.cells[i];
      if (this.slot[c] < 0 && rows.coefs[i] !== 0) { this.slot[c] = -2; fresh.push(c); }
    }
    if (!fresh.length) return;
    const m0 = this.cellsSeen.length;
    const m = m0 + fresh.length;
    if (m > this.capacity) this.grow(Math.max(m, 2 * this.capacity));
    fresh.forEach((c, i) => { this.slot[c] = m0 + i; this.cellsSeen.push(c); });
    const p = await this.engine.products(this.grid, Int32Array.from(fresh), Int32Array.from(this.cellsSeen));
    const cap = this.capacity;
    for (let i = m0; i < m; i++) {
      const row = (i - m0) * m;
      for (let j = 0; j < m; j++) {
        this.k[i * cap + j] = p[row + j];
        this.k[j * cap + i] = p[row + j];
      }
    }
  }

  private grow(capacity: number): void {
    const k = new Float64Array(capacity * capacity);
    const m = this.cellsSeen.length;
    for (let i = 0; i < m; i++) k.set(this.k.subarray(i * this.capacity, i * this.capacity + m), i * capacity);
    this.k = k;
    this.capacity = capacity;
  }

  /**
   * Gram matrix [n, n] of the rows (bilinear combinations of cells), plus `constant` on every entry
   * (a bias folded in as a constant feature). Calls addRows first when needed.
   */
  async rowGram(rows: SparseRows, constant = 0): Promise<Float64Array> {
    await this.addRows(rows);
    const n = rows.count;
    const cap = this.capacity;
    const slots = new Int32Array(4 * n);
    for (let i = 0; i < 4 * n; i++) slots[i] = rows.coefs[i] === 0 ? 0 : this.slot[rows.cells[i]];
    const g = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j <= i; j++) {
        let s = constant;
        for (let p = 0; p < 4; p++) {
          const cp = rows.coefs[4 * i + p];
          if (cp === 0) continue;
          const rowK = slots[4 * i + p] * cap;
          for (let q = 0; q < 4; q++) {
            const cq = rows.coefs[4 * j + q];
            if (cq !== 0) s += cp * cq * this.k[rowK + slots[4 * j + q]];
          }
        }
        g[i * n + j] = s;
        g[j * n + i] = s;
      }
    }
    return g;
  }
}
