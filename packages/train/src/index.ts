export * from './checkpoint/safetensors';
export * from './checkpoint/checkpoint';
export * from './data/data-source';
export * from './data/epoch-batches';
export * from './trainer/types';
export * from './trainer/trainer';
export * from './synthetic/shapes';
export * from './synthetic/sbm-graph';
