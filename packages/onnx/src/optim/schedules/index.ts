export * from './types';
export * from './constant';
export * from './step-decay';
export * from './cosine';
export * from './warmup';
