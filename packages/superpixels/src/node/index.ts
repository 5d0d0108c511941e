// Node-only entry point (sharp, filesystem): label PNGs and the BSDS500 reader.
export * from './label-png';
export * from './bsds500';
