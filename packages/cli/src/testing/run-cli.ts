import { main } from '../program';

export interface CliRun { out: string; err: string; code: number }

/** Runs `seg ...args` in this process (jest), capturing stdout and stderr; never throws on a non-zero exit. */
export async function runCli(...args: string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  const so = jest.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => { out += c; return true; });
  const se = jest.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => { err += c; return true; });
  try {
    const code = await main(args);
    return { out, err, code };
  } finally {
    so.mockRestore();
    se.mockRestore();
  }
}

/** runCli that rejects with `exit <code>: <stderr>` unless the command succeeds. */
export async function runCliOk(...args: string[]): Promise<CliRun> {
  const r = await runCli(...args);
  if (r.code !== 0) throw new Error(`exit ${r.code}: ${r.err}`);
  return r;
}
