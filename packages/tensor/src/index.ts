export * from './dtype';
export * from './shape';
export * from './tensor';
export * from './rng';
export * from './npy';
export * from './distance-transform';
export * from './image';
