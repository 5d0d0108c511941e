// Runtime-neutral parts; import '@seg/runtime/node' or '@seg/runtime/web' for a concrete runtime.
export * from './session';
export * from './validate';
