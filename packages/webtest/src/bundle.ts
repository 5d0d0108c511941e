import * as esbuild from 'esbuild';
import * as path from 'path';

export interface Bundle {
  /** The ES module for the page. */
  code: string;
  /** onnxruntime-web's dist folder when the entry imports onnxruntime-web, else null. */
  ortDist: string | null;
  /** Every input file the bundle contains (relative to the working directory), for checks such as "no fs". */
  inputs: string[];
}

/** Wasm runtime files onnxruntime-web/wasm loads at run time when built with extern wasm. */
export const ORT_WASM_FILES = ['ort-wasm-simd-threaded.mjs', 'ort-wasm-simd-threaded.wasm'] as const;

/**
 * Bundles a TypeScript entry for the browser with esbuild.
 * - Bare `onnxruntime-web` resolves to `onnxruntime-web/wasm` (14 MB less than the JSEP default).
 * - The `onnxruntime-web-use-extern-wasm` condition keeps the wasm binary out of the bundle, so the
 *   threaded runtime is loaded from the server (ort.env.wasm.wasmPaths), as an app would ship it.
 * - Workspace packages resolve through their package.json `exports` to TypeScript source.
 * Node built-ins (fs, sharp, ...) fail the build: browser-usable code must not import them.
 */
export async function bundleEntry(entry: string): Promise<Bundle> {
  let ortDist: string | null = null;
  const ortPlugin: esbuild.Plugin = {
    name: 'onnxruntime-web-wasm',
    setup(build) {
      build.onResolve({ filter: /^onnxruntime-web(\/.*)?$/ }, async (args) => {
        if (args.pluginData === 'ort-resolved') return undefined;
        const target = args.path === 'onnxruntime-web' ? 'onnxruntime-web/wasm' : args.path;
        const r = await build.resolve(target, { kind: args.kind, resolveDir: args.resolveDir, pluginData: 'ort-resolved' });
        if (r.errors.length) return { errors: r.errors };
        ortDist ??= path.dirname(r.path);
        return { path: r.path };
      });
    },
  };
  let result: esbuild.BuildResult<{ write: false; metafile: true }>;
  try {
    result = await esbuild.build({
      entryPoints: [entry],
      bundle: true,
      write: false,
      metafile: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      conditions: ['onnxruntime-web-use-extern-wasm'],
      logLevel: 'silent',
      plugins: [ortPlugin],
      define: { 'process.env.NODE_ENV': '"production"' },
    });
  } catch (e) {
    const errors = (e as esbuild.BuildFailure).errors;
    if (!errors) throw e;
    const lines = errors.slice(0, 10).map((m) => `  ${m.location ? `${m.location.file}:${m.location.line}: ` : ''}${m.text}`);
    throw new Error(`esbuild could not bundle ${entry} for the browser:\n${lines.join('\n')}`);
  }
  return { code: result.outputFiles[0].text, ortDist, inputs: Object.keys(result.metafile.inputs) };
}
