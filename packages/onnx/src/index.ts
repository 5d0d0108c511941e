export * from './builder';
export * as op from './ops';
export * from './proto/serialize';
export * from './proto/tensor-proto';
export * from './proto/dtype';
