// Node-only entry point (sharp codecs, filesystem); the browser bundle never imports it.
export * from './npy-file';
export * from './atomic';
export * from './paths';
export * from './image-codec';
export * from './image-file';
