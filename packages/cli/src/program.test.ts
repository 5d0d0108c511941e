import { execFileSync } from 'child_process';
import * as path from 'path';

const bin = path.join(__dirname, '..', 'bin', 'seg.js');
const run = (...args: string[]) => execFileSync(process.execPath, [bin, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe('seg CLI', () => {
  it('prints help', () => {
    expect(run('--help')).toMatch(/Usage: seg/);
  });

  it('info --json prints one JSON document with the execution providers', () => {
    const info = JSON.parse(run('info', '--json'));
    expect(info.execution_providers.cpu.usable).toBe(true);
    expect(typeof info.execution_providers.cuda.usable).toBe('boolean');
    expect(info.onnxruntime_node).toMatch(/^1\.30/);
  });

  it('rejects an unknown command with exit code 2', () => {
    expect(() => run('nonsense')).toThrow(/exit|status|Command failed/i);
  });
});
