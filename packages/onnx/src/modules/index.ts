export * from './init';
export * from './activation';
export * from './conv2d';
export * from './norm';
export * from './conv-norm-act';
export * from './linear';
export * from './resnet-blocks';
