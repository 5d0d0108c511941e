export * from './dataset';
export * from './backbone';
