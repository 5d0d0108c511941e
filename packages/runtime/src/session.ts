import { DType, Tensor } from '@seg/tensor';

export type Feeds = Record<string, Tensor>;
export type Fetches = Record<string, Tensor>;

export interface IoSpec { name: string; dtype: DType | string; dims: readonly (number | string)[] }

/** The one interface seg uses to run a model, whichever onnxruntime is underneath. */
export interface Session {
  readonly inputs: readonly IoSpec[];
  readonly outputs: readonly IoSpec[];
  /** Execution provider that actually runs the model ('cpu', 'cuda', 'wasm', 'webgpu'). */
  readonly executionProvider: string;
  /** Runs the model; feeds are checked against the inputs first. `fetch` limits the outputs. */
  run(feeds: Feeds, fetch?: readonly string[]): Promise<Fetches>;
  release(): Promise<void>;
}

export interface SessionOptions {
  /** 'cpu' (default), 'cuda' (node; falls back to CPU with the reason logged once), 'wasm', 'webgpu' (browser). */
  executionProvider?: 'cpu' | 'cuda' | 'wasm' | 'webgpu';
  /** Intra-op threads (node) or wasm threads (browser); defaults to the runtime's choice. */
  threads?: number;
  /** Graph optimisation level; 'all' by default. */
  optimization?: 'disabled' | 'basic' | 'extended' | 'all';
}
