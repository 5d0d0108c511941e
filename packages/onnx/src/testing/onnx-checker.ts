import { execFile } from 'child_process';
import { mkdtemp, rm, writeFile } from 'fs/promises';
import { tmpdir } from 'os';
import path from 'path';
import { repoRoot } from '@seg/tensor/node';

/**
 * Node-only: runs the official ONNX checker (onnx.checker.check_model with full_check=True) on
 * models through Debian's Python and scripts/onnx-check.py. The checker validates the graph
 * against the operator schemas of its onnx version (python3-onnx 1.12 knows opsets up to 17).
 */

export interface CheckResult {
  /** The file checked (a temporary file for byte inputs). */
  path: string;
  ok: boolean;
  error: string | null;
}

/** The Python that has `onnx`; $SEG_ONNX_PYTHON overrides Debian's /usr/bin/python3. */
export const checkerPython = (): string => process.env.SEG_ONNX_PYTHON ?? '/usr/bin/python3';

function run(cmd: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as NodeJS.ErrnoException).code === 'number' ? Number((err as NodeJS.ErrnoException).code) : -1) : 0;
      resolve({ code, stdout: String(stdout), stderr: String(stderr || (err && !stdout ? err.message : '')) });
    });
  });
}

/**
 * Checks models given as bytes or file paths; one result per model, in order. Byte models are
 * written to a temporary folder that is removed afterwards.
 */
export async function checkOnnx(models: Uint8Array | string | readonly (Uint8Array | string)[]): Promise<CheckResult[]> {
  const list = Array.isArray(models) ? (models as (Uint8Array | string)[]) : [models as Uint8Array | string];
  if (list.length === 0) return [];
  const dir = list.some((m) => typeof m !== 'string') ? await mkdtemp(path.join(tmpdir(), 'seg-onnx-check-')) : null;
  try {
    const paths = await Promise.all(list.map(async (m, i) => {
      if (typeof m === 'string') return path.resolve(m);
      const p = path.join(dir!, `model_${i}.onnx`);
      await writeFile(p, m);
      return p;
    }));
    const script = path.join(repoRoot(), 'scripts', 'onnx-check.py');
    const py = checkerPython();
    const r = await run(py, [script, ...paths]);
    const lines = r.stdout.split('\n').filter((l) => l.trim().startsWith('{'));
    const results = lines.map((l) => JSON.parse(l) as CheckResult);
    // The script reports a missing onnx package as one result without a path; a missing Python gives no output.
    if ((results.length === 1 && results[0].path === null) || (results.length === 0 && r.code !== 0 && r.code !== 1)) {
      const why = results[0]?.error ?? r.stderr.trim().split('\n').pop() ?? `exit ${r.code}`;
      throw new Error(`the ONNX checker needs ${py} with the onnx package: install python3-onnx (apt-get install -y python3-onnx) [${why}]`);
    }
    if (results.length !== paths.length) {
      throw new Error(`onnx-check.py returned ${results.length} results for ${paths.length} models (exit ${r.code}): ${r.stderr.trim().slice(0, 2000)}`);
    }
    return results;
  } finally {
    if (dir) await rm(dir, { recursive: true, force: true });
  }
}
