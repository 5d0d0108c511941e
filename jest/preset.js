// Shared jest settings: TypeScript through @swc/jest (CommonJS), workspace packages as TS source.
const path = require('path');
module.exports = {
  testEnvironment: path.join(__dirname, 'environment.js'),
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }] },
  transformIgnorePatterns: ['/node_modules/(?!\\.pnpm)'],
  testMatch: ['**/src/**/*.test.ts', '**/test/**/*.test.ts'],
  cacheDirectory: path.join(__dirname, '..', 'node_modules', '.cache', 'jest'),
  testTimeout: 300000, // generous: CI runs every package's suite at once on 2 cores
};
