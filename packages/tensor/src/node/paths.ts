import { existsSync } from 'fs';
import * as path from 'path';

/** The repository root: the nearest folder above `from` holding pnpm-workspace.yaml. */
export function repoRoot(from: string = __dirname): string {
  let dir = path.resolve(from);
  for (;;) {
    if (existsSync(path.join(dir, 'pnpm-workspace.yaml'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`no pnpm-workspace.yaml above ${from}; run seg from inside its repository`);
    dir = up;
  }
}

/**
 * The shared data/models folder: $SEG_SHARED if set, else `../shared` beside the repository.
 * Returns null when neither exists, so callers can fall back to weights-free defaults.
 */
export function sharedDir(): string | null {
  const env = process.env.SEG_SHARED;
  if (env) return existsSync(env) ? path.resolve(env) : null;
  try {
    const dir = path.join(repoRoot(), '..', 'shared');
    return existsSync(dir) ? dir : null;
  } catch {
    return null;
  }
}

/** A path inside the shared folder (`models/...`, `data/...`), or null when it is absent. */
export function sharedPath(...parts: string[]): string | null {
  const dir = sharedDir();
  if (!dir) return null;
  const p = path.join(dir, ...parts);
  return existsSync(p) ? p : null;
}
