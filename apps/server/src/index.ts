export * from './app';
export * from './core/config';
export * from './core/errors';
export * from './core/method-plugin';
export * from './core/image-body';
export * from './jobs/job-manager';
export * from './jobs/types';
