/** One benchmark result, printed as a JSON line by `pnpm bench` and `seg bench --json`. */
export interface BenchResult {
  name: string;
  size: string;
  threads: number;
  ms_median: number;
  ms_p10: number;
  ms_p90: number;
  n: number;
  /** Optional extras: a reference implementation's median, notes. */
  [extra: string]: unknown;
}

export interface MeasureOptions {
  /** Untimed runs first (JIT, allocator, ORT prepacking). */
  warmup?: number;
  /** Timed runs; stops early once `maxMs` of timed work has passed (but after at least 3 runs). */
  runs?: number;
  maxMs?: number;
}

function quantile(sorted: number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

/** Times `fn` (sync or async) and returns median/p10/p90 in milliseconds. */
export async function measure(
  name: string, size: string, threads: number, fn: () => unknown, options: MeasureOptions = {},
): Promise<BenchResult> {
  const warmup = options.warmup ?? 2;
  const runs = options.runs ?? 20;
  const maxMs = options.maxMs ?? 10000;
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  const start = performance.now();
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
    if (times.length >= 3 && performance.now() - start > maxMs) break;
  }
  times.sort((a, b) => a - b);
  return { name, size, threads, ms_median: round(quantile(times, 0.5)), ms_p10: round(quantile(times, 0.1)), ms_p90: round(quantile(times, 0.9)), n: times.length };
}

/** Prints one result as a JSON line on stdout. */
export function report(r: BenchResult): BenchResult {
  process.stdout.write(`${JSON.stringify(r)}\n`);
  return r;
}
