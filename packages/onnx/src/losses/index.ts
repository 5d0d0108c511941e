export * from './reduction';
export * from './softmax-cross-entropy';
export * from './binary-cross-entropy';
export * from './l1';
export * from './smooth-l1';
export * from './mse';
