import type { DType } from '@seg/tensor';

/** What runModelInBrowser tells the page (JSON). */
export interface RunModelSpec {
  label: string;
  modelFile: string;
  feeds: { name: string; dtype: DType; dims: number[]; file: string }[];
  fetch?: string[];
  threads?: number;
}

/** What the page reports back; output bytes arrive as uploads output-<i>. */
export interface RunModelPageResult {
  outputs: { name: string; dtype: DType; dims: number[] }[];
  requestedThreads: number;
  runtime: { numThreads: number; crossOriginIsolated: boolean; version: string };
  createMs: number;
  runMs: number;
}
