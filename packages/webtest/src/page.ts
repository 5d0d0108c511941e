/**
 * Helpers for the code that runs INSIDE the page (the entry given to runInBrowser). Browser-only:
 * it reads `window`, so import it from the entry, never from node code.
 */

/** Facts about the page that tests assert on (isolation, threads). */
export interface PageInfo {
  /** True when COOP/COEP made the page cross-origin isolated (needed for wasm threads). */
  crossOriginIsolated: boolean;
  hardwareConcurrency: number;
  /** Web Workers the page started (onnxruntime-web starts one per extra wasm thread). */
  workersStarted: number;
  userAgent: string;
}

/** What the page posts as window.__result; runInBrowser waits for it. */
export interface PageResult {
  ok: boolean;
  value?: unknown;
  error?: string;
  info: PageInfo;
}

interface SegWindow {
  __result?: PageResult;
  __input?: unknown;
  __workers?: number;
}

const win = (): SegWindow => globalThis as unknown as SegWindow;

export function pageInfo(): PageInfo {
  return {
    crossOriginIsolated: globalThis.crossOriginIsolated === true,
    hardwareConcurrency: navigator.hardwareConcurrency ?? 1,
    workersStarted: win().__workers ?? 0,
    userAgent: navigator.userAgent,
  };
}

/**
 * Runs the test body and posts its JSON-serialisable result (or its error with stack) for
 * runInBrowser. Call it exactly once from the entry.
 */
export function report(run: () => unknown): void {
  Promise.resolve()
    .then(run)
    .then(
      (value) => { win().__result = { ok: true, value: JSON.parse(JSON.stringify(value ?? null)), info: pageInfo() }; },
      (e: unknown) => {
        const err = e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e);
        win().__result = { ok: false, error: err, info: pageInfo() };
      },
    )
    .catch((e: unknown) => { win().__result = { ok: false, error: `result is not JSON-serialisable: ${String(e)}`, info: pageInfo() }; });
}

/** The `input` option of runInBrowser (JSON). */
export function input<T = unknown>(): T {
  return win().__input as T;
}

/** Absolute URL of a file given in runInBrowser's `files` option. */
export function fileUrl(name: string): string {
  return new URL(`files/${encodeURIComponent(name)}`, document.baseURI).href;
}

/** Fetches a file given in runInBrowser's `files` option as bytes. */
export async function fetchFile(name: string): Promise<Uint8Array> {
  const res = await fetch(fileUrl(name));
  if (!res.ok) throw new Error(`fetch ${name}: HTTP ${res.status} (is it listed in runInBrowser's files option?)`);
  return new Uint8Array(await res.arrayBuffer());
}

/**
 * Absolute URL of the folder serving ort-wasm-simd-threaded.{mjs,wasm}, for ort.env.wasm.wasmPaths
 * (a root-relative path breaks module-worker resolution; the URL must be absolute).
 */
export function ortWasmUrl(): string {
  return new URL('ort/', document.baseURI).href;
}

/** Sends bytes to the test (BrowserRun.uploads[name]); for binary results too big for JSON. */
export async function upload(name: string, bytes: Uint8Array): Promise<void> {
  const res = await fetch(new URL(`upload/${encodeURIComponent(name)}`, document.baseURI).href, { method: 'POST', body: bytes as BodyInit });
  if (!res.ok) throw new Error(`upload ${name}: HTTP ${res.status} ${await res.text()}`);
}
