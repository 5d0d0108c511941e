// Runs seg code in headless Chromium for jest tests; page-side helpers are in '@seg/webtest/page'.
export * from './run-in-browser';
export * from './run-model';
export type { RunModelSpec, RunModelPageResult } from './run-model-spec';
export { bundleEntry, ORT_WASM_FILES, type Bundle } from './bundle';
export { chromiumPath, CHROMIUM_ARGS, DEFAULT_CHROMIUM } from './chromium';
export type { PageInfo, PageResult } from './page';
