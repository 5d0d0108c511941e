export * from './types';
export * from './sgd';
export * from './adam';
export * from './clip-grad-norm';
export * from './schedules';
