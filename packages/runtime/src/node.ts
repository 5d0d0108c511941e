import * as ort from 'onnxruntime-node';
import type { Session, SessionOptions } from './session';
import { wrapOrtSession } from './wrap-session';

ort.env.logLevel = 'fatal';
let cudaWarned = false;

/** Why CUDA is not usable here, or null when it is. Cached after the first probe. */
let cudaProbe: Promise<string | null> | null = null;

/**
 * Creates an onnxruntime-node session. CUDA is used when asked for and usable; otherwise the
 * session runs on CPU and the reason is logged once (onnxruntime itself does not fall back).
 */
export async function createNodeSession(model: Uint8Array, options: SessionOptions = {}, label = 'model'): Promise<Session> {
  const base: ort.InferenceSession.SessionOptions = {
    graphOptimizationLevel: options.optimization ?? 'all',
    interOpNumThreads: 1,
    executionMode: 'sequential',
  };
  if (options.threads !== undefined) {
    if (!Number.isInteger(options.threads) || options.threads < 1) throw new Error(`threads must be a positive integer, got ${options.threads}`);
    base.intraOpNumThreads = options.threads;
  }
  let ep = 'cpu';
  let session: ort.InferenceSession | null = null;
  if (options.executionProvider === 'cuda') {
    try {
      session = await ort.InferenceSession.create(model, { ...base, executionProviders: ['cuda', 'cpu'] });
      ep = 'cuda';
    } catch (e) {
      if (!cudaWarned) {
        cudaWarned = true;
        process.stderr.write(`seg: CUDA execution provider unavailable, using CPU (${firstLine((e as Error).message)})\n`);
      }
    }
  } else if (options.executionProvider && options.executionProvider !== 'cpu') {
    throw new Error(`execution provider '${options.executionProvider}' is not available in node; use 'cpu' or 'cuda'`);
  }
  if (!session) {
    try {
      session = await ort.InferenceSession.create(model, { ...base, executionProviders: ['cpu'] });
    } catch (e) {
      throw new Error(`${label}: onnxruntime could not load the model: ${(e as Error).message}`);
    }
  }
  return wrap(session, ep, label);
}

/** Whether the CUDA execution provider can create a session on this machine (and why not). */
export function probeCuda(): Promise<string | null> {
  cudaProbe ??= (async () => {
    // A one-node model (Identity) is enough to load the provider library.
    const { tinyIdentityModel } = await import('./tiny-model');
    try {
      const s = await ort.InferenceSession.create(tinyIdentityModel(), { executionProviders: ['cuda'] });
      await s.release();
      return null;
    } catch (e) {
      return firstLine((e as Error).message);
    }
  })();
  return cudaProbe;
}

function firstLine(s: string): string {
  return s.split('\n')[0].slice(0, 300);
}

function wrap(session: ort.InferenceSession, ep: string, label: string): Session {
  return wrapOrtSession(session, ort.Tensor, ep, label);
}

export const onnxruntimeNodeVersion = (): string => ort.env.versions?.node ?? ort.env.versions?.common ?? 'unknown';
