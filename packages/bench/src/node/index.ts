// Node-only entry of @seg/bench: reference timings from Debian's python.
export * from './reference';
