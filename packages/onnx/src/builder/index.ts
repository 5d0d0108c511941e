export * from './value';
export * from './attributes';
export * from './node';
export * from './op-schema';
export * from './graph-builder';
