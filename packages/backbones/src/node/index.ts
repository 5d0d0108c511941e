export * from './weights-dir';
