/**
 * A least-recently-used map bounded by a byte budget: entries report their size, and the oldest
 * are evicted when the total exceeds the budget (an entry larger than the budget is refused).
 */
export class ByteLruCache<V> {
  private readonly entries = new Map<string, { value: V; bytes: number }>();
  private total = 0;

  constructor(readonly budgetBytes: number, private readonly onEvict?: (key: string, value: V) => void) {}

  get size(): number { return this.entries.size; }
  get bytes(): number { return this.total; }

  get(key: string): V | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    this.entries.delete(key);
    this.entries.set(key, e);
    return e.value;
  }

  has(key: string): boolean { return this.entries.has(key); }

  set(key: string, value: V, bytes: number): void {
    if (bytes > this.budgetBytes) throw new Error(`cache entry of ${bytes} bytes exceeds the cache budget of ${this.budgetBytes}`);
    this.delete(key);
    this.entries.set(key, { value, bytes });
    this.total += bytes;
    for (const [k, e] of this.entries) {
      if (this.total <= this.budgetBytes) break;
      this.entries.delete(k);
      this.total -= e.bytes;
      this.onEvict?.(k, e.value);
    }
  }

  delete(key: string): boolean {
    const e = this.entries.get(key);
    if (!e) return false;
    this.entries.delete(key);
    this.total -= e.bytes;
    return true;
  }

  keys(): string[] { return [...this.entries.keys()]; }
}
