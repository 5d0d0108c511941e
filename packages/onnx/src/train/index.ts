export * from './model-state';
export * from './batch-norm';
export * from './serialize-variables';
export * from './step-spec';
export * from './training-step';
export * from './export';
export * from './freeze';
