export { buildProgram, main } from './program';
export * from './output';
