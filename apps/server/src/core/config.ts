import * as path from 'path';
import * as os from 'os';

/** Server settings; every field has a default and an environment variable. */
export interface ServerConfig {
  host: string;
  port: number;
  /** Everything the server writes lives under this folder (uploads, jobs, checkpoints, models). */
  dataDir: string;
  /** Largest accepted upload, in bytes. */
  maxUploadBytes: number;
  /** Largest accepted image, in pixels (guards against decompression bombs). */
  maxPixels: number;
  /** Memory budget of the per-image feature cache, in bytes. */
  featureCacheBytes: number;
  executionProvider: 'cpu' | 'cuda';
  threads: number;
  /** Folder of the built demo app to serve at `/`, if present. */
  demoDir: string | null;
  /** Shared folder with pretrained weights; null for weights-free defaults. */
  modelsDir: string | null;
}

const int = (v: string | undefined, fallback: number, name: string): number => {
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative number, got '${v}'`);
  return n;
};

export function configFromEnv(env: NodeJS.ProcessEnv = process.env, overrides: Partial<ServerConfig> = {}): ServerConfig {
  const ep = env.SEG_EXECUTION_PROVIDER ?? 'cpu';
  if (ep !== 'cpu' && ep !== 'cuda') throw new Error(`SEG_EXECUTION_PROVIDER must be 'cpu' or 'cuda', got '${ep}'`);
  return {
    host: env.SEG_HOST ?? '127.0.0.1',
    port: int(env.SEG_PORT ?? env.PORT, 8080, 'SEG_PORT'),
    dataDir: path.resolve(env.SEG_DATA_DIR ?? '.seg-data'),
    maxUploadBytes: int(env.SEG_MAX_UPLOAD_BYTES, 20 * 1024 * 1024, 'SEG_MAX_UPLOAD_BYTES'),
    maxPixels: int(env.SEG_MAX_PIXELS, 4096 * 4096, 'SEG_MAX_PIXELS'),
    featureCacheBytes: int(env.SEG_FEATURE_CACHE_BYTES, 1024 * 1024 * 1024, 'SEG_FEATURE_CACHE_BYTES'),
    executionProvider: ep,
    threads: int(env.SEG_THREADS, Math.max(1, os.cpus().length), 'SEG_THREADS'),
    demoDir: env.SEG_DEMO_DIR ?? null,
    modelsDir: env.SEG_MODELS ?? null,
    ...overrides,
  };
}
