import * as ort from 'onnxruntime-web/wasm';
import type { Session, SessionOptions } from './session';
import { wrapOrtSession } from './wrap-session';

export interface WebRuntimeSetup {
  /** Absolute URL of the folder that serves ort-wasm-simd-threaded.{mjs,wasm}. */
  wasmPaths?: string;
  /** wasm threads; more than 1 needs a cross-origin-isolated page. */
  threads?: number;
}

/** Configures onnxruntime-web once per page; threads fall back to 1 without cross-origin isolation. */
export function setupWebRuntime(setup: WebRuntimeSetup = {}): { threads: number } {
  if (setup.wasmPaths) ort.env.wasm.wasmPaths = setup.wasmPaths;
  const isolated = typeof globalThis.crossOriginIsolated === 'boolean' && globalThis.crossOriginIsolated;
  const wanted = setup.threads ?? (typeof navigator !== 'undefined' ? Math.min(4, navigator.hardwareConcurrency || 1) : 1);
  const threads = isolated ? wanted : 1;
  ort.env.wasm.numThreads = threads;
  ort.env.logLevel = 'fatal';
  return { threads };
}

/** What onnxruntime-web is actually using on this page (numThreads is final once a session exists). */
export function webRuntimeInfo(): { numThreads: number; crossOriginIsolated: boolean; version: string } {
  return {
    numThreads: Number(ort.env.wasm.numThreads ?? 1),
    crossOriginIsolated: globalThis.crossOriginIsolated === true,
    version: ort.env.versions?.web ?? ort.env.versions?.common ?? 'unknown',
  };
}

export async function createWebSession(model: Uint8Array, options: SessionOptions = {}, label = 'model'): Promise<Session> {
  const ep = options.executionProvider === 'webgpu' ? 'webgpu' : 'wasm';
  const session = await ort.InferenceSession.create(model, {
    executionProviders: [ep],
    graphOptimizationLevel: options.optimization ?? 'all',
  });
  return wrapOrtSession(session, ort.Tensor, ep, label);
}
