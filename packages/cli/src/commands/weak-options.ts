import type { Command } from 'commander';
import { UsageError } from '../output';

/** Options shared by `seg weak train` and `seg eval weak` that map onto method 1's config. */
export interface WeakConfigFlags {
  config?: string;
  scale?: string;
  segments?: string;
  prior?: string;
  error?: string;
  epochs?: string;
  pixelSteps?: string;
  rounds?: string;
  pixel?: boolean;
  standardize?: string;
  seed: string;
  threads: string;
}

export function num(s: string, what: string, ok: (v: number) => boolean, expected: string): number {
  const v = Number(s);
  if (s.trim() === '' || !Number.isFinite(v) || !ok(v)) throw new UsageError(`${what} must be ${expected}, got '${s}'`);
  return v;
}

const int = (s: string, what: string, min: number): number => num(s, what, (v) => Number.isInteger(v) && v >= min, `an integer >= ${min}`);

export function addWeakConfigFlags(c: Command): Command {
  return c
    .option('--config <file.json>', 'method-1 configuration (JSON, any subset of WeakConfig); the flags below override it')
    .option('--scale <f>', 'working scale of the images in (0, 1] (default 1)')
    .option('--segments <n>', 'SLIC superpixels per image (default 4000)')
    .option('--prior <name>', 'cold-start prior of the first epoch: haematoxylin, dark, bright or none (default haematoxylin)')
    .option('--error <e>', 'estimated error of the ratios when the table gives none (default 0.05)')
    .option('--epochs <n>', 'GCN epochs; pseudo-labels are refreshed every epoch (default 20)')
    .option('--pixel-steps <n>', 'steps of the pixel FCN\'s first round (default 300)')
    .option('--rounds <n>', 'self-training rounds of the pixel FCN (default 1)')
    .option('--no-pixel', 'no pixel-level refinement: masks from the superpixel GCN')
    .option('--standardize <mode>', "feature standardisation: otsu, tile or set+tile (default otsu)")
    .option('--seed <n>', 'seed of the split, initialisation and sampling', '0')
    .option('--threads <n>', 'onnxruntime threads', '1');
}

/** Builds the config input from a JSON file and flags (flags win). */
export async function weakConfigFrom(f: WeakConfigFlags): Promise<Record<string, any>> {
  let cfg: Record<string, any> = {};
  if (f.config) {
    const { promises: fs } = await import('fs');
    try { cfg = JSON.parse(await fs.readFile(f.config, 'utf8')); } catch (e) { throw new UsageError(`--config ${f.config}: ${(e as Error).message}`); }
  }
  const set = (group: string | null, key: string, v: unknown): void => {
    if (group) cfg[group] = { ...(cfg[group] ?? {}), [key]: v }; else cfg[key] = v;
  };
  if (f.scale !== undefined) set(null, 'scale', num(f.scale, '--scale', (v) => v > 0 && v <= 1, 'a number in (0, 1]'));
  if (f.segments !== undefined) set('superpixels', 'segments', int(f.segments, '--segments', 2));
  if (f.prior !== undefined) set(null, 'prior', f.prior);
  if (f.error !== undefined) set(null, 'error', num(f.error, '--error', (v) => v >= 0 && v <= 0.5, 'a number in [0, 0.5]'));
  if (f.epochs !== undefined) set('gcn', 'epochs', int(f.epochs, '--epochs', 1));
  if (f.pixelSteps !== undefined) set('pixel', 'steps', int(f.pixelSteps, '--pixel-steps', 0));
  if (f.rounds !== undefined) set('pixel', 'rounds', int(f.rounds, '--rounds', 0));
  if (f.pixel === false) set('pixel', 'enabled', false);
  if (f.standardize !== undefined) set(null, 'standardize', f.standardize);
  set(null, 'seed', int(f.seed, '--seed', 0));
  return cfg;
}

/** A progress bar on stderr (a plain line every few seconds when stderr is not a terminal). */
export async function stderrProgress(label: string): Promise<{ update(step: number, total: number, info: string): void; stop(): void }> {
  const { SingleBar } = await import('cli-progress');
  const tty = process.stderr.isTTY;
  let bar: InstanceType<typeof SingleBar> | null = null;
  let last = 0;
  return {
    update(step, total, info) {
      if (tty) {
        if (!bar) {
          bar = new SingleBar({ stream: process.stderr, format: `${label} [{bar}] {value}/{total} | {info} | eta {eta_formatted}`, hideCursor: true, barsize: 24 });
          bar.start(total, 0, { info: '' });
        }
        bar.setTotal(total);
        bar.update(step, { info });
      } else if (Date.now() - last > 5000 || step === total) {
        last = Date.now();
        process.stderr.write(`${label} ${step}/${total} ${info}\n`);
      }
    },
    stop() { if (bar) { bar.stop(); bar = null; } },
  };
}
