import { execFileSync } from 'child_process';
import { existsSync, mkdtempSync, rmSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Tensor } from '@seg/tensor';
import { repoRoot, writeNpy } from '@seg/tensor/node';
import type { BenchResult } from '../measure';

/**
 * Debian's python (it has numpy, scipy, scikit-image, OpenCV and PyTorch from apt); the python on
 * PATH may be another one without them. References are side-by-side timings only: never a
 * dependency of the product or of its tests.
 */
export const REFERENCE_PYTHON = '/usr/bin/python3';

const hasCache = new Map<string, boolean>();

/** Whether the reference python imports every module of the comma-separated list. */
export function referencePythonHas(modules: string): boolean {
  let ok = hasCache.get(modules);
  if (ok === undefined) {
    ok = existsSync(REFERENCE_PYTHON);
    if (ok) { try { execFileSync(REFERENCE_PYTHON, ['-c', `import ${modules}`], { stdio: 'ignore' }); } catch { ok = false; } }
    hasCache.set(modules, ok);
  }
  return ok;
}

export interface ReferenceRun {
  /** File name in scripts/reference/. */
  script: string;
  /** Modules the script needs (comma-separated); without them the reference is skipped. */
  modules: string;
  args?: string[];
  /** Arrays handed to the script as `--<name> <file.npy>`, written to a temporary folder. */
  inputs?: Record<string, Tensor>;
  /** BLAS/OpenMP threads of the reference (default 1). */
  threads?: number;
}

/**
 * Runs a reference script and parses every line of its stdout as JSON. Returns null when the
 * python or a module is missing, or when the script fails (a line on stderr says why): benchmarks
 * then report seg's timings alone.
 */
export async function runReference<T = unknown>(o: ReferenceRun): Promise<T[] | null> {
  if (!referencePythonHas(o.modules)) return null;
  const dir = o.inputs ? mkdtempSync(path.join(os.tmpdir(), 'seg-bench-ref-')) : null;
  try {
    const args = [path.join(repoRoot(), 'scripts', 'reference', o.script), ...(o.args ?? [])];
    for (const [name, t] of Object.entries(o.inputs ?? {})) {
      const f = path.join(dir!, `${name}.npy`);
      await writeNpy(f, t);
      args.push(`--${name}`, f);
    }
    const threads = String(o.threads ?? 1);
    const out = execFileSync(REFERENCE_PYTHON, args, {
      encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20,
      env: { ...process.env, OMP_NUM_THREADS: threads, OPENBLAS_NUM_THREADS: threads, MKL_NUM_THREADS: threads },
    });
    return out.trim().split('\n').filter((l) => l.trim().startsWith('{')).map((l) => JSON.parse(l) as T);
  } catch (e) {
    const err = e as Error & { stderr?: string };
    const why = (err.stderr?.trim().split('\n').pop() || err.message.split('\n')[0]).slice(0, 300);
    process.stderr.write(`${o.script} failed, no reference: ${why}\n`);
    return null;
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

/** A reference script's timing line: the implementation it ran and its quantiles. */
export interface ReferenceTiming { name: string; impl: string; ms_median: number; ms_p10?: number; ms_p90?: number }

/** A result with a reference's timing beside it (`reference`, its median/p10/p90 and the speed-up). */
export function withReference(r: BenchResult, ref: ReferenceTiming | undefined): BenchResult {
  if (!ref) return r;
  return { ...r, reference: ref.impl, reference_ms_median: ref.ms_median, reference_ms_p10: ref.ms_p10, reference_ms_p90: ref.ms_p90, speedup: Math.round((ref.ms_median / r.ms_median) * 100) / 100 };
}
